namespace DkCloud.Sdk.Events;

/// <summary><c>dky:incomingNotConnectedHangup</c>: an inbound call rang out or was rejected and the agent was set busy (7.5.3).</summary>
public sealed class IncomingNotConnectedHangupEventArgs : DkyEventArgs
{
    /// <summary>The agent (<c>agentId</c>).</summary>
    public string? AgentId { get; init; }

    /// <summary>The agent's state now: 3 busy (<c>agentState</c>).</summary>
    public int? AgentState { get; init; }

    /// <summary>The call (<c>linkedId</c>).</summary>
    public string? LinkedId { get; init; }

    /// <summary>Description (<c>message</c>).</summary>
    public string? Message { get; init; }

    /// <summary>The extension (<c>extension</c>).</summary>
    public string? Extension { get; init; }
}
