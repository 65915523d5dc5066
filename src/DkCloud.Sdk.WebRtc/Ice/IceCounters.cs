using System.Threading;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>What an <see cref="IceAgent"/> did with its sockets' STUN traffic; safe to read from any thread.</summary>
internal sealed class IceCounters
{
    private long _checksSent;
    private long _requestsAnswered;
    private long _responsesAccepted;
    private long _stunRejected;
    private long _roleConflicts;

    /// <summary>Connectivity and consent checks sent, retransmissions included.</summary>
    public long ChecksSent => Volatile.Read(ref _checksSent);

    /// <summary>Authenticated Binding requests answered.</summary>
    public long RequestsAnswered => Volatile.Read(ref _requestsAnswered);

    /// <summary>Authenticated responses matched to a check.</summary>
    public long ResponsesAccepted => Volatile.Read(ref _responsesAccepted);

    /// <summary>
    /// STUN datagrams ignored: malformed, missing FINGERPRINT, wrong USERNAME, failed MESSAGE-INTEGRITY, unknown
    /// transaction, response from the wrong address, unexpected method or class.
    /// </summary>
    public long StunRejected => Volatile.Read(ref _stunRejected);

    /// <summary>Role conflicts detected (RFC 8445 section 7.3.1.1), by request or by 487 response.</summary>
    public long RoleConflicts => Volatile.Read(ref _roleConflicts);

    internal void CheckSent() => Interlocked.Increment(ref _checksSent);

    internal void RequestAnswered() => Interlocked.Increment(ref _requestsAnswered);

    internal void ResponseAccepted() => Interlocked.Increment(ref _responsesAccepted);

    internal void Rejected() => Interlocked.Increment(ref _stunRejected);

    internal void RoleConflict() => Interlocked.Increment(ref _roleConflicts);
}
