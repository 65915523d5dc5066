using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>Writes SR, RR, SDES (CNAME) and BYE packets; write them one after another to build a compound packet.</summary>
internal static class RtcpWriter
{
    /// <summary>Writes a sender report and returns its length.</summary>
    public static int WriteSenderReport(Span<byte> destination, uint ssrc, in RtcpSenderInfo info, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        int length = 28 + (RtcpReportBlock.Length * blocks.Length);
        WriteHeader(destination, RtcpPacketType.SenderReport, blocks.Length, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(8), info.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16), info.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(20), info.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(24), info.OctetCount);
        WriteBlocks(destination.Slice(28), blocks);
        return length;
    }

    /// <summary>Writes a receiver report and returns its length.</summary>
    public static int WriteReceiverReport(Span<byte> destination, uint ssrc, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        int length = 8 + (RtcpReportBlock.Length * blocks.Length);
        WriteHeader(destination, RtcpPacketType.ReceiverReport, blocks.Length, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ssrc);
        WriteBlocks(destination.Slice(8), blocks);
        return length;
    }

    /// <summary>Writes an SDES packet with one chunk holding a CNAME item (UTF-8, at most 255 bytes) and returns its length.</summary>
    public static int WriteSdesCname(Span<byte> destination, uint ssrc, ReadOnlySpan<byte> cname)
    {
        if (cname.Length > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(cname), "An SDES item holds at most 255 bytes.");
        }

        // Chunk: SSRC, item (type, length, text), then at least one null octet up to a 32-bit boundary.
        int chunk = 4 + 2 + cname.Length;
        int padded = (chunk + 4) & ~3;
        int length = 4 + padded;
        WriteHeader(destination, RtcpPacketType.SourceDescription, 1, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ssrc);
        destination[8] = 1;
        destination[9] = (byte)cname.Length;
        cname.CopyTo(destination.Slice(10));
        destination.Slice(4 + chunk, padded - chunk).Clear();
        return length;
    }

    /// <summary>Writes a BYE for <paramref name="sources"/> with an optional reason and returns its length.</summary>
    public static int WriteBye(Span<byte> destination, ReadOnlySpan<uint> sources, ReadOnlySpan<byte> reason = default)
    {
        if (sources.Length > 31 || reason.Length > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(sources), "At most 31 sources and a 255-byte reason.");
        }

        int length = 4 + (4 * sources.Length);
        if (!reason.IsEmpty)
        {
            length += (1 + reason.Length + 3) & ~3;
        }

        WriteHeader(destination, RtcpPacketType.Bye, sources.Length, length);
        for (int i = 0; i < sources.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4 + (4 * i)), sources[i]);
        }

        if (!reason.IsEmpty)
        {
            int offset = 4 + (4 * sources.Length);
            destination[offset] = (byte)reason.Length;
            reason.CopyTo(destination.Slice(offset + 1));
            destination.Slice(offset + 1 + reason.Length, length - offset - 1 - reason.Length).Clear();
        }

        return length;
    }

    private static void WriteHeader(Span<byte> destination, RtcpPacketType type, int count, int length)
    {
        if (count > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "At most 31 items per RTCP packet.");
        }

        if (destination.Length < length)
        {
            throw new ArgumentException("Destination too small for the RTCP packet.", nameof(destination));
        }

        destination[0] = (byte)(0x80 | count);
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)((length / 4) - 1));
    }

    private static void WriteBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        for (int i = 0; i < blocks.Length; i++)
        {
            blocks[i].Write(destination.Slice(i * RtcpReportBlock.Length));
        }
    }
}
