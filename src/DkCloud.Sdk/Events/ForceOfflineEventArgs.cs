namespace DkCloud.Sdk.Events;

/// <summary><c>dky:forceOffline</c>: a monitor forced this agent offline; the session ends (7.2.4, 7.5.1).</summary>
public sealed class ForceOfflineEventArgs : DkyEventArgs
{
    /// <summary>What happened (<c>eventMessage</c>).</summary>
    public string? EventMessage { get; init; }

    /// <summary>The extension (<c>extension</c>).</summary>
    public string? Extension { get; init; }

    /// <summary>The monitor who did it (<c>monitorAgentId</c>).</summary>
    public string? MonitorAgentId { get; init; }

    /// <summary>The request id (<c>requestId</c>).</summary>
    public string? RequestId { get; init; }

    /// <summary>This agent (<c>agentNumber</c>).</summary>
    public string? AgentNumber { get; init; }

    /// <summary>The enterprise code (<c>projectId</c>).</summary>
    public string? ProjectId { get; init; }

    /// <summary><c>success</c> or <c>error</c>, when given (<c>state</c>).</summary>
    public string? State { get; init; }

    /// <summary>Description (<c>description</c>).</summary>
    public string? Description { get; init; }
}
