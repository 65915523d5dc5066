namespace DkCloud.Sdk.Events;

/// <summary><c>dky:init</c>: mixin initialization finished (<c>state</c> init) or failed (error) (7.1.1).</summary>
public sealed class InitEventArgs : ModeStateEventArgs
{
    /// <summary>The agent number (<c>agentId</c>).</summary>
    public string? AgentId { get; init; }

    /// <summary><c>ordinary</c> or <c>monitor</c> (<c>agentRole</c>).</summary>
    public string? AgentRole { get; init; }
}
