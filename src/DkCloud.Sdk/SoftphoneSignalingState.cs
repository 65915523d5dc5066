namespace DkCloud.Sdk;

/// <summary>What happened to a softphone's signaling connection.</summary>
public enum SoftphoneSignalingState
{
    /// <summary>The SIP connection dropped; calls' media keep flowing while it reconnects.</summary>
    Lost,

    /// <summary>A reconnect attempt starts (<see cref="SoftphoneSignalingEventArgs.Attempt"/>).</summary>
    Reconnecting,

    /// <summary>The connection is back and the extension registered again.</summary>
    Reconnected,

    /// <summary>Reconnecting gave up; the extension is not registered.</summary>
    Failed,
}
