using System.Text.Json.Serialization;
using DkCloud.Sdk.Calls;

namespace DkCloud.Sdk.Events;

/// <summary>
/// Base of the call events (ring, answer, hang-up): the envelope, the call's data, and what the SDK works out
/// from them once, so that handlers need no logic of their own.
/// </summary>
public abstract class CallEventArgs : EnvelopeEventArgs
{
    /// <summary>The call's data.</summary>
    public CallData? Data { get; init; }

    /// <summary>The call's id (<c>data.linkedId</c>).</summary>
    [JsonIgnore]
    public string? LinkedId => Data?.LinkedId;

    /// <summary>
    /// This agent's part in a transfer or consultation (call types 11, 15, 19), from the newest member of
    /// <c>transferMessage</c>; <see cref="TransferRole.None"/> for other calls.
    /// </summary>
    [JsonIgnore]
    public TransferRole TransferRole { get; internal set; }

    /// <summary>The call as the SDK tracks it after this event, when it is tracked.</summary>
    [JsonIgnore]
    public TrackedCall? Call { get; internal set; }

    /// <summary>
    /// True when the SDK raised this event itself after a reconnect, because the call ended while the agent
    /// link was down (the server's own hang-up event was never received).
    /// </summary>
    [JsonIgnore]
    public bool FromResync { get; internal set; }
}
