using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>One 24-byte reception report block of an SR or RR (RFC 3550 section 6.4.1).</summary>
internal readonly struct RtcpReportBlock
{
    /// <summary>Size on the wire.</summary>
    public const int Length = 24;

    /// <summary>Creates a block; <paramref name="cumulativeLost"/> is clamped to the signed 24-bit range.</summary>
    public RtcpReportBlock(uint ssrc, byte fractionLost, int cumulativeLost, uint extendedHighestSequence, uint jitter, uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        Ssrc = ssrc;
        FractionLost = fractionLost;
        CumulativeLost = Math.Max(-0x800000, Math.Min(0x7FFFFF, cumulativeLost));
        ExtendedHighestSequence = extendedHighestSequence;
        Jitter = jitter;
        LastSenderReport = lastSenderReport;
        DelaySinceLastSenderReport = delaySinceLastSenderReport;
    }

    /// <summary>The source this block reports on.</summary>
    public uint Ssrc { get; }

    /// <summary>Fraction lost since the previous report, in 1/256.</summary>
    public byte FractionLost { get; }

    /// <summary>Cumulative packets lost (signed 24 bits; negative with duplicates).</summary>
    public int CumulativeLost { get; }

    /// <summary>Extended highest sequence number received (cycles in the high 16 bits).</summary>
    public uint ExtendedHighestSequence { get; }

    /// <summary>Interarrival jitter in timestamp units.</summary>
    public uint Jitter { get; }

    /// <summary>LSR: the middle 32 bits of the last SR's NTP timestamp, or 0.</summary>
    public uint LastSenderReport { get; }

    /// <summary>DLSR: delay since that SR, in 1/65536 seconds.</summary>
    public uint DelaySinceLastSenderReport { get; }

    /// <summary>Reads a block from the first 24 bytes of <paramref name="source"/>.</summary>
    public static RtcpReportBlock Read(ReadOnlySpan<byte> source)
    {
        int lost = (source[5] << 16) | (source[6] << 8) | source[7];
        if ((lost & 0x800000) != 0)
        {
            lost -= 0x1000000;
        }

        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(source),
            source[4],
            lost,
            BinaryPrimitives.ReadUInt32BigEndian(source.Slice(8)),
            BinaryPrimitives.ReadUInt32BigEndian(source.Slice(12)),
            BinaryPrimitives.ReadUInt32BigEndian(source.Slice(16)),
            BinaryPrimitives.ReadUInt32BigEndian(source.Slice(20)));
    }

    /// <summary>Writes the 24-byte block.</summary>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        destination[4] = FractionLost;
        int lost = CumulativeLost & 0xFFFFFF;
        destination[5] = (byte)(lost >> 16);
        destination[6] = (byte)(lost >> 8);
        destination[7] = (byte)lost;
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8), ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(12), Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16), LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(20), DelaySinceLastSenderReport);
    }
}
