namespace DkCloud.Sdk.Events;

/// <summary><c>dky:squeeze</c>: the agent logged in elsewhere and this session was pushed out; it ends.</summary>
public sealed class SqueezeEventArgs : DkyEventArgs
{
    /// <summary>The agent number (<c>agentNumber</c>).</summary>
    public string? AgentNumber { get; init; }

    /// <summary>Description (<c>description</c>).</summary>
    public string? Description { get; init; }
}
