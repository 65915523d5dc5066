namespace DkCloud.Sdk.Events;

/// <summary>The <c>data</c> of a successful agent login (7.1.3).</summary>
public sealed class AgentLoginData
{
    /// <summary>1 ordinary, 2 monitor (<c>agentRole</c>).</summary>
    public int AgentRole { get; init; }

    /// <summary>The integrator's agent id (<c>crmId</c>).</summary>
    public string? CrmId { get; init; }

    /// <summary>The agent number (<c>agentId</c>).</summary>
    public string? AgentId { get; init; }

    /// <summary>The port where WebRTC extensions register (<c>pjsipPort</c>).</summary>
    public string? PjsipPort { get; init; }

    /// <summary>The SIP realm of WebRTC extensions (<c>realm</c>).</summary>
    public string? Realm { get; init; }

    /// <summary>The host where WebRTC extensions register (<c>webrtcip</c>).</summary>
    public string? WebrtcIp { get; init; }

    /// <summary>The agent's state after login (2 idle, 3 busy), when the server says.</summary>
    public int? AgentState { get; init; }
}
