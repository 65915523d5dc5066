namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>The sender information of an SR (RFC 3550 section 6.4.1).</summary>
internal readonly struct RtcpSenderInfo
{
    /// <summary>Creates the sender information.</summary>
    public RtcpSenderInfo(ulong ntpTimestamp, uint rtpTimestamp, uint packetCount, uint octetCount)
    {
        NtpTimestamp = ntpTimestamp;
        RtpTimestamp = rtpTimestamp;
        PacketCount = packetCount;
        OctetCount = octetCount;
    }

    /// <summary>64-bit NTP wallclock time of the report.</summary>
    public ulong NtpTimestamp { get; }

    /// <summary>RTP timestamp corresponding to the NTP time.</summary>
    public uint RtpTimestamp { get; }

    /// <summary>Packets sent.</summary>
    public uint PacketCount { get; }

    /// <summary>Payload octets sent.</summary>
    public uint OctetCount { get; }
}
