namespace DkCloud.Sdk.Events;

/// <summary><c>dky:logoff</c>: the agent and the extension logged off (<c>state</c> logoff) (7.1.2).</summary>
public sealed class LogoffEventArgs : ModeStateEventArgs
{
    /// <summary>The agent a monitor logged off, when it was another agent (<c>agentId</c>).</summary>
    public string? AgentId { get; init; }
}
