namespace DkCloud.Sdk.Events;

/// <summary><c>dky:atxfer</c>: an attended (consult) transfer started (7.3.10).</summary>
public sealed class AttendedTransferEventArgs : CallControlEventArgs
{
    /// <summary>The agent or number transferred to (<c>atxferNumber</c>).</summary>
    public string? AtxferNumber { get; init; }

    /// <summary>The agent transferred to (<c>atxferAgentId</c>).</summary>
    public string? AtxferAgentId { get; init; }
}
