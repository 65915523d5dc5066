namespace DkCloud.Sdk.Events;

/// <summary><c>dky:chanspy</c>: monitoring of an agent started (7.4.1).</summary>
public sealed class ChanspyEventArgs : DkyEventArgs
{
    /// <summary>The agent monitored (<c>agentId</c>).</summary>
    public string? AgentId { get; init; }

    /// <summary>0 whisper, 1 listen, 2 barge-in, 3 listen to a three-way call (<c>mode</c>).</summary>
    public int? Mode { get; init; }

    /// <summary>The monitor's agent or phone number (<c>monitorNumber</c>).</summary>
    public string? MonitorNumber { get; init; }

    /// <summary>0 the monitor is an agent, 1 an external number (<c>point</c>).</summary>
    public int? Point { get; init; }

    /// <summary><c>error</c> when it failed (<c>state</c>).</summary>
    public string? State { get; init; }

    /// <summary>The error description (<c>description</c>).</summary>
    public string? Description { get; init; }
}
