namespace DkCloud.Sdk.Events;

/// <summary><c>dky:extensionBindUpdate</c>: the agent's bound extension changed, from the toolbar or the back office (7.1.7).</summary>
public sealed class ExtensionBindUpdateEventArgs : DkyEventArgs
{
    /// <summary>The agent number (<c>agentNumber</c>).</summary>
    public string? AgentNumber { get; init; }

    /// <summary>The agent-side number (<c>agentTelNumber</c>).</summary>
    public string? AgentTelNumber { get; init; }

    /// <summary><c>EXTENSION_BIND_UPDATE</c> (<c>eventType</c>).</summary>
    public string? EventType { get; init; }

    /// <summary>The extension now bound (<c>extension</c>).</summary>
    public string? Extension { get; init; }

    /// <summary>When it changed (<c>extensionStateTime</c>).</summary>
    public string? ExtensionStateTime { get; init; }

    /// <summary>1 IP phone, 2 WebRTC, 3 mobile (<c>extensionType</c>).</summary>
    public string? ExtensionType { get; init; }

    /// <summary>The enterprise code (<c>projectId</c>).</summary>
    public string? ProjectId { get; init; }

    /// <summary>The WebRTC realm (<c>realm</c>).</summary>
    public string? Realm { get; init; }

    /// <summary>Why it changed (<c>reason</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>The request id (<c>requestId</c>).</summary>
    public string? RequestId { get; init; }

    /// <summary>The WebRTC registration address (<c>webrtcip</c>).</summary>
    public string? WebrtcIp { get; init; }
}
