namespace DkCloud.Sdk.Events;

/// <summary><c>dky:agentState</c>: the agent's state was set (7.2.1: <c>state</c>, <c>reason</c>) or queried (7.2.2: <c>currentState</c> …).</summary>
public sealed class AgentStateEventArgs : DkyEventArgs
{
    /// <summary>2 idle, 3 busy, after a set (<c>state</c>).</summary>
    public int? State { get; init; }

    /// <summary>The busy reason (<c>reason</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>The extension (<c>extension</c>).</summary>
    public string? Extension { get; init; }

    /// <summary>The request id (<c>requestId</c>).</summary>
    public string? RequestId { get; init; }

    /// <summary>The agent number (<c>agentNumber</c>).</summary>
    public string? AgentNumber { get; init; }

    /// <summary>The enterprise code (<c>projectId</c>).</summary>
    public string? ProjectId { get; init; }

    /// <summary>The integrator's agent id (<c>crmId</c>).</summary>
    public string? CrmId { get; init; }

    /// <summary>The customer's number during a call (<c>telb</c>).</summary>
    public string? Telb { get; init; }

    /// <summary>Last login, <c>yyyy-MM-dd HH:mm:ss</c> (<c>lastLoginTime</c>).</summary>
    public string? LastLoginTime { get; init; }

    /// <summary>Time logged in, <c>HH:mm:ss</c> (<c>loginTime</c>).</summary>
    public string? LoginTime { get; init; }

    /// <summary>Time in the current state, <c>HH:mm:ss</c> (<c>currentStateTime</c>).</summary>
    public string? CurrentStateTime { get; init; }

    /// <summary>The current extension (<c>currentExtension</c>).</summary>
    public string? CurrentExtension { get; init; }

    /// <summary>The agent's name (<c>agentName</c>).</summary>
    public string? AgentName { get; init; }

    /// <summary>The state in words, e.g. 空闲, 置忙, 外呼通话中 (<c>currentState</c>).</summary>
    public string? CurrentState { get; init; }

    /// <summary><c>in</c>, <c>out</c>, or empty when not on a call (<c>option</c>).</summary>
    public string? Option { get; init; }

    /// <summary>The error description when <c>state</c> is an error (<c>description</c>).</summary>
    public string? Description { get; init; }
}
