using System;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>A local candidate was replaced by another (the relayed one, after the TURN allocation was replaced).</summary>
internal sealed class IceCandidateChangedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public IceCandidateChangedEventArgs(IceCandidate previous, IceCandidate candidate)
    {
        Previous = previous;
        Candidate = candidate;
    }

    /// <summary>The candidate that is gone (the peer may still use it).</summary>
    public IceCandidate Previous { get; }

    /// <summary>The candidate that replaces it, to signal to the peer.</summary>
    public IceCandidate Candidate { get; }
}
