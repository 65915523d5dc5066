namespace DkCloud.Sdk.Events;

/// <summary><c>dky:blindMove</c>: the call was transferred blind (7.3.12).</summary>
public sealed class BlindTransferEventArgs : CallControlEventArgs
{
    /// <summary>The agent, number, IVR or queue transferred to (<c>transferNumber</c>).</summary>
    public string? TransferNumber { get; init; }

    /// <summary>The agent transferred to (<c>transferAgentId</c>).</summary>
    public string? TransferAgentId { get; init; }
}
