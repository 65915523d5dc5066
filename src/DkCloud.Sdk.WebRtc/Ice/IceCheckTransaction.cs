using System.Threading;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>One outstanding connectivity or consent check.</summary>
/// <remarks>Changed only under the owning <see cref="IceAgent"/>'s lock.</remarks>
internal sealed class IceCheckTransaction
{
    /// <summary>Creates the transaction.</summary>
    public IceCheckTransaction((ulong, uint) key, IceCandidatePair pair, byte[] request, byte[] remoteKey, IceRole role, bool useCandidate, bool consent, long startedAt)
    {
        Key = key;
        Pair = pair;
        Request = request;
        RemoteKey = remoteKey;
        Role = role;
        UseCandidate = useCandidate;
        Consent = consent;
        StartedAt = startedAt;
    }

    /// <summary>The transaction id as a dictionary key.</summary>
    public (ulong, uint) Key { get; }

    /// <summary>The pair checked.</summary>
    public IceCandidatePair Pair { get; }

    /// <summary>The encoded request, resent unchanged.</summary>
    public byte[] Request { get; }

    /// <summary>The peer's password key that signs the response.</summary>
    public byte[] RemoteKey { get; }

    /// <summary>The role this agent had when it sent the request (for 487 handling).</summary>
    public IceRole Role { get; }

    /// <summary>True when the request carried USE-CANDIDATE.</summary>
    public bool UseCandidate { get; }

    /// <summary>True for a consent freshness check (RFC 7675), which is not retransmitted.</summary>
    public bool Consent { get; }

    /// <summary>TimeProvider timestamp of the first send.</summary>
    public long StartedAt { get; }

    /// <summary>Requests sent so far.</summary>
    public int Sent { get; set; }

    /// <summary>The retransmission timer (connectivity checks only).</summary>
    public ITimer? Timer { get; set; }
}
