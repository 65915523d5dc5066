namespace DkCloud.Sdk.Events;

/// <summary>One member of a call event's <c>transferMessage</c>: who transferred or consulted, and when.</summary>
public sealed class TransferInfo
{
    /// <summary>When the transfer started, <c>yyyy-MM-dd HH:mm:ss</c> (<c>transferTime</c>).</summary>
    public string? TransferTime { get; init; }

    /// <summary>The agent who started it (<c>initiateAgentId</c>).</summary>
    public string? InitiateAgentId { get; init; }

    /// <summary>The agent it was sent to, when the server says (<c>targetAgentId</c>).</summary>
    public string? TargetAgentId { get; init; }
}
