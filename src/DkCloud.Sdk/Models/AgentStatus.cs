using System;
using DkCloud.Sdk.Calls;

namespace DkCloud.Sdk.Models;

/// <summary>The agent's state as the server reports it (7.2.2).</summary>
public sealed class AgentStatus
{
    /// <summary>The agent number.</summary>
    public string? AgentNumber { get; init; }

    /// <summary>The agent's name.</summary>
    public string? AgentName { get; init; }

    /// <summary>The integrator's agent id.</summary>
    public string? CrmId { get; init; }

    /// <summary>The state in words, e.g. 空闲 (idle), 置忙 (busy), 外呼通话中 (on an outbound call).</summary>
    public string? CurrentState { get; init; }

    /// <summary>How long the agent has been in that state.</summary>
    public TimeSpan? CurrentStateDuration { get; init; }

    /// <summary>How long the agent has been logged in.</summary>
    public TimeSpan? LoginDuration { get; init; }

    /// <summary>When the agent last logged in, as the server prints it.</summary>
    public string? LastLoginTime { get; init; }

    /// <summary>The customer's number during a call (<c>telb</c>).</summary>
    public string? CustomerNumber { get; init; }

    /// <summary>The call's direction, or <see cref="CallDirection.Unknown"/> when not on a call.</summary>
    public CallDirection Direction { get; init; }

    /// <summary>The current extension.</summary>
    public string? CurrentExtension { get; init; }
}
