using System;
using System.Collections.Generic;
using DkCloud.Sdk.Events;

namespace DkCloud.Sdk.Calls;

/// <summary>
/// One call as this agent sees it, kept up to date by the <see cref="CallTracker"/> from ring, answer, hang-up,
/// hold and mute events. Read it from event handlers; the SDK changes it only on its event worker, before it
/// raises the event that caused the change.
/// </summary>
public sealed class TrackedCall
{
    private readonly Dictionary<CallLeg, LegState> _legs = new();

    internal TrackedCall(string linkedId)
    {
        LinkedId = linkedId;
    }

    /// <summary>The call's unique id (<c>linkedId</c>).</summary>
    public string LinkedId { get; }

    /// <summary>Inbound or outbound.</summary>
    public CallDirection Direction { get; internal set; }

    /// <summary>The kind of call, from the newest event.</summary>
    public CallType CallType { get; internal set; }

    /// <summary>Where the call stands.</summary>
    public CallPhase Phase { get; internal set; }

    /// <summary>The state of each leg seen so far.</summary>
    public IReadOnlyDictionary<CallLeg, LegState> Legs => _legs;

    /// <summary>The customer's number, when known.</summary>
    public string? CustomerNumber { get; internal set; }

    /// <summary>Where the customer's number belongs, when known.</summary>
    public string? CustomerCity { get; internal set; }

    /// <summary>This agent's role when the call is a transfer or consultation.</summary>
    public TransferRole TransferRole { get; internal set; }

    /// <summary>Whether the call is on hold.</summary>
    public bool IsHeld { get; internal set; }

    /// <summary>Whether the agent side is muted.</summary>
    public bool IsMuted { get; internal set; }

    /// <summary>The server's last signaling code for the call (<c>dialCode</c>).</summary>
    public string? LastDialCode { get; internal set; }

    /// <summary>The after-call work announced by the agent leg's hang-up (<c>wrapupTime</c>), or zero.</summary>
    public TimeSpan Wrapup { get; internal set; }

    /// <summary>The last call event's data.</summary>
    public CallData? LastData { get; internal set; }

    internal void SetLeg(CallLeg leg, LegState state) => _legs[leg] = state;

    /// <inheritdoc />
    public override string ToString() => $"{LinkedId} {Direction} {CallType} {Phase}{(IsHeld ? " held" : string.Empty)}{(IsMuted ? " muted" : string.Empty)}";
}
