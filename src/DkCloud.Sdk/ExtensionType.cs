namespace DkCloud.Sdk;

/// <summary>The kind of phone the agent answers on (the JS SDK's <c>initType</c>).</summary>
public enum ExtensionType
{
    /// <summary>A desk IP phone (1). The SDK carries no audio.</summary>
    IpPhone = 1,

    /// <summary>A WebRTC extension (2): the softphone package registers it and carries the audio.</summary>
    WebRtc = 2,

    /// <summary>A mobile number (3). The SDK carries no audio.</summary>
    Mobile = 3,
}
