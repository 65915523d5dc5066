namespace DkCloud.Sdk.Models;

/// <summary>A three-way consultation (the JS <c>meet({mode, agentId, meetrNumber})</c>, 7.3.13).</summary>
public sealed class MeetRequest
{
    /// <summary>Creates a request.</summary>
    public MeetRequest(TransferMode mode, string meetNumber)
    {
        Mode = mode;
        MeetNumber = meetNumber;
    }

    /// <summary>Agent or external number.</summary>
    public TransferMode Mode { get; }

    /// <summary>The agent or number to bring in (<c>meetrNumber</c>).</summary>
    public string MeetNumber { get; }

    /// <summary>The agent starting the call (<c>agentId</c>); this agent when null.</summary>
    public string? AgentId { get; init; }
}
