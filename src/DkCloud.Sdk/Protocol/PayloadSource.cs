namespace DkCloud.Sdk.Protocol;

/// <summary>Which part of a server message an event is read from.</summary>
internal enum PayloadSource
{
    /// <summary>The whole envelope (agent login, callphone, call events, satisfaction).</summary>
    Envelope = 0,

    /// <summary>The envelope's <c>data</c> object.</summary>
    Data = 1,
}
