using System.Threading;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Packet and byte counters of one media session; safe to read from any thread.</summary>
internal sealed class MediaCounters
{
    private long _packetsSent;
    private long _bytesSent;
    private long _packetsReceived;
    private long _bytesReceived;
    private long _rtcpReceived;
    private long _rtcpSent;
    private long _authenticationFailures;
    private long _otherDrops;

    /// <summary>RTP packets sent.</summary>
    public long PacketsSent => Volatile.Read(ref _packetsSent);

    /// <summary>RTP payload bytes sent.</summary>
    public long BytesSent => Volatile.Read(ref _bytesSent);

    /// <summary>RTP packets received and authenticated.</summary>
    public long PacketsReceived => Volatile.Read(ref _packetsReceived);

    /// <summary>RTP payload bytes received.</summary>
    public long BytesReceived => Volatile.Read(ref _bytesReceived);

    /// <summary>SRTCP compound packets sent (sender report and CNAME).</summary>
    public long RtcpPacketsSent => Volatile.Read(ref _rtcpSent);

    /// <summary>SRTCP packets received and authenticated.</summary>
    public long RtcpPacketsReceived => Volatile.Read(ref _rtcpReceived);

    /// <summary>SRTP or SRTCP packets whose authentication tag did not verify.</summary>
    public long SrtpAuthenticationFailures => Volatile.Read(ref _authenticationFailures);

    /// <summary>Packets dropped for any other reason (before keys, replayed, malformed, unknown payload type).</summary>
    public long Dropped => Volatile.Read(ref _otherDrops);

    internal void OnSent(int payloadBytes)
    {
        Interlocked.Increment(ref _packetsSent);
        Interlocked.Add(ref _bytesSent, payloadBytes);
    }

    internal void OnReceived(int payloadBytes)
    {
        Interlocked.Increment(ref _packetsReceived);
        Interlocked.Add(ref _bytesReceived, payloadBytes);
    }

    internal void OnRtcpSent() => Interlocked.Increment(ref _rtcpSent);

    internal void OnRtcpReceived() => Interlocked.Increment(ref _rtcpReceived);

    internal void OnAuthenticationFailure() => Interlocked.Increment(ref _authenticationFailures);

    internal void OnDropped() => Interlocked.Increment(ref _otherDrops);

    /// <inheritdoc />
    public override string ToString()
        => string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            "sent {0} packets / {1} bytes, received {2} packets / {3} bytes, {4} RTCP sent, {7} RTCP received, {5} SRTP auth failures, {6} dropped",
            PacketsSent, BytesSent, PacketsReceived, BytesReceived, RtcpPacketsSent, SrtpAuthenticationFailures, Dropped, RtcpPacketsReceived);
}
