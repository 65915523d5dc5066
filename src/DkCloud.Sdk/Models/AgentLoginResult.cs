namespace DkCloud.Sdk.Models;

/// <summary>The answer to agent login (7.1.3).</summary>
public sealed class AgentLoginResult
{
    /// <summary>Ordinary agent or monitor.</summary>
    public AgentRole Role { get; init; }

    /// <summary>The agent number the server knows the agent by.</summary>
    public string? AgentId { get; init; }

    /// <summary>The integrator's agent id.</summary>
    public string? CrmId { get; init; }

    /// <summary>Where WebRTC extensions register (<c>webrtcip</c>).</summary>
    public string? WebrtcIp { get; init; }

    /// <summary>The SIP realm of WebRTC extensions (<c>realm</c>).</summary>
    public string? Realm { get; init; }

    /// <summary>The SIP WebSocket port (<c>pjsipPort</c>).</summary>
    public string? PjsipPort { get; init; }

    /// <summary>The state the agent is in after login, when the server says.</summary>
    public AgentState? State { get; init; }
}
