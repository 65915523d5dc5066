namespace DkCloud.Sdk.Events;

/// <summary><c>dky:forceDisconnectCall</c>: a monitor ended an agent's call.</summary>
public sealed class ForceDisconnectCallEventArgs : DkyEventArgs
{
    /// <summary>The agent whose call was ended (<c>agentId</c>).</summary>
    public string? AgentId { get; init; }

    /// <summary>The call (<c>linkedId</c>).</summary>
    public string? LinkedId { get; init; }

    /// <summary><c>error</c> when it failed (<c>state</c>).</summary>
    public string? State { get; init; }

    /// <summary>The error description (<c>description</c>).</summary>
    public string? Description { get; init; }
}
