using System;

namespace DkCloud.Sdk;

/// <summary>A change of a softphone's signaling connection (see <see cref="ISoftphone.SignalingChanged"/>).</summary>
public sealed class SoftphoneSignalingEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="state">What happened.</param>
    /// <param name="attempt">The reconnect attempt (1-based), or 0.</param>
    /// <param name="detail">A description without secrets, or null.</param>
    public SoftphoneSignalingEventArgs(SoftphoneSignalingState state, int attempt = 0, string? detail = null)
    {
        State = state;
        Attempt = attempt;
        Detail = detail;
    }

    /// <summary>What happened.</summary>
    public SoftphoneSignalingState State { get; }

    /// <summary>The reconnect attempt (1-based) for <see cref="SoftphoneSignalingState.Reconnecting"/>, else 0.</summary>
    public int Attempt { get; }

    /// <summary>A description without secrets, or null.</summary>
    public string? Detail { get; }
}
