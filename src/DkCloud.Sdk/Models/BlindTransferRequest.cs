namespace DkCloud.Sdk.Models;

/// <summary>A blind transfer (the JS <c>blindMove(object)</c>, 7.3.12).</summary>
public sealed class BlindTransferRequest
{
    /// <summary>Creates a request.</summary>
    public BlindTransferRequest(BlindTransferMode mode, string transferNumber)
    {
        Mode = mode;
        TransferNumber = transferNumber;
    }

    /// <summary>Agent, external number, IVR or queue.</summary>
    public BlindTransferMode Mode { get; }

    /// <summary>The agent number, phone number, IVR id or queue number (<c>transferNumber</c>).</summary>
    public string TransferNumber { get; }

    /// <summary>Start the IVR at this node; set with <see cref="IvrNodeType"/> (<c>ivrNodeId</c>).</summary>
    public string? IvrNodeId { get; init; }

    /// <summary>The node's type; set with <see cref="IvrNodeId"/> (<c>ivrNodeType</c>).</summary>
    public string? IvrNodeType { get; init; }
}
