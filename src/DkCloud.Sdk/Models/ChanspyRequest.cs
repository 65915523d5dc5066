namespace DkCloud.Sdk.Models;

/// <summary>Monitoring of an agent (the JS <c>chanspy(object)</c>, 7.4.1).</summary>
public sealed class ChanspyRequest
{
    /// <summary>Creates a request.</summary>
    public ChanspyRequest(ChanspyMode mode, string agentId, string monitorNumber)
    {
        Mode = mode;
        AgentId = agentId;
        MonitorNumber = monitorNumber;
    }

    /// <summary>Whisper, listen, barge in, or listen to a three-way call.</summary>
    public ChanspyMode Mode { get; }

    /// <summary>The agent to monitor (<c>agentId</c>).</summary>
    public string AgentId { get; }

    /// <summary>The monitor's agent number or phone number (<c>monitorNumber</c>).</summary>
    public string MonitorNumber { get; }

    /// <summary>What <see cref="MonitorNumber"/> is. Default: an agent number.</summary>
    public MonitorPoint Point { get; init; } = MonitorPoint.Agent;
}
