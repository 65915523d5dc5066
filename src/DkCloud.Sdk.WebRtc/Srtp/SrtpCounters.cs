using System.Threading;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>Packet counts of one <see cref="SrtpContext"/>; safe to read from any thread.</summary>
internal sealed class SrtpCounters
{
    private long _protected;
    private long _unprotected;
    private long _authenticationFailures;
    private long _replayed;
    private long _malformed;
    private long _rejectedStreams;

    /// <summary>SRTP and SRTCP packets protected.</summary>
    public long Protected => Volatile.Read(ref _protected);

    /// <summary>SRTP and SRTCP packets that authenticated and were decrypted.</summary>
    public long Unprotected => Volatile.Read(ref _unprotected);

    /// <summary>Packets dropped because the tag was wrong.</summary>
    public long AuthenticationFailures => Volatile.Read(ref _authenticationFailures);

    /// <summary>Packets dropped as replays or as older than the replay window.</summary>
    public long Replayed => Volatile.Read(ref _replayed);

    /// <summary>Packets dropped because they could not be parsed.</summary>
    public long Malformed => Volatile.Read(ref _malformed);

    /// <summary>Packets dropped because their SSRC would exceed the stream limit.</summary>
    public long RejectedStreams => Volatile.Read(ref _rejectedStreams);

    /// <summary>Counts <paramref name="status"/> and returns it.</summary>
    internal SrtpStatus Count(SrtpStatus status, bool protect)
    {
        switch (status)
        {
            case SrtpStatus.Ok:
                Interlocked.Increment(ref protect ? ref _protected : ref _unprotected);
                break;
            case SrtpStatus.AuthenticationFailed:
                Interlocked.Increment(ref _authenticationFailures);
                break;
            case SrtpStatus.Replayed:
                Interlocked.Increment(ref _replayed);
                break;
            case SrtpStatus.Malformed:
                Interlocked.Increment(ref _malformed);
                break;
            case SrtpStatus.TooManyStreams:
                Interlocked.Increment(ref _rejectedStreams);
                break;
        }

        return status;
    }
}
