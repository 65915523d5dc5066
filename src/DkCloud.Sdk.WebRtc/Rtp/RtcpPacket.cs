using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>One packet of an RTCP compound packet, as <see cref="RtcpCompoundEnumerator"/> yields it.</summary>
internal readonly ref struct RtcpPacket
{
    private readonly ReadOnlySpan<byte> _bytes;

    /// <summary>Creates the view over one packet whose length was validated.</summary>
    public RtcpPacket(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
    }

    /// <summary>The whole packet, padding included.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The packet type.</summary>
    public RtcpPacketType Type => (RtcpPacketType)_bytes[1];

    /// <summary>The 5-bit count field (reports, chunks, sources, or feedback format).</summary>
    public int Count => _bytes[0] & 0x1F;

    /// <summary>The SSRC in the first word after the header (sender of SR/RR/feedback); 0 when the packet has none.</summary>
    public uint Ssrc => _bytes.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(_bytes.Slice(4)) : 0;

    /// <summary>The SR sender information; false unless this is a long enough SR.</summary>
    public bool TryGetSenderInfo(out RtcpSenderInfo info)
    {
        if (Type != RtcpPacketType.SenderReport || _bytes.Length < 28)
        {
            info = default;
            return false;
        }

        info = new RtcpSenderInfo(
            BinaryPrimitives.ReadUInt64BigEndian(_bytes.Slice(8)),
            BinaryPrimitives.ReadUInt32BigEndian(_bytes.Slice(16)),
            BinaryPrimitives.ReadUInt32BigEndian(_bytes.Slice(20)),
            BinaryPrimitives.ReadUInt32BigEndian(_bytes.Slice(24)));
        return true;
    }

    /// <summary>The report block at <paramref name="index"/> of an SR or RR; false when it is not there.</summary>
    public bool TryGetReportBlock(int index, out RtcpReportBlock block)
    {
        int start = Type == RtcpPacketType.SenderReport ? 28 : Type == RtcpPacketType.ReceiverReport ? 8 : -1;
        block = default;
        if (start < 0 || index < 0 || index >= Count)
        {
            return false;
        }

        int offset = start + (index * RtcpReportBlock.Length);
        if (offset + RtcpReportBlock.Length > _bytes.Length)
        {
            return false;
        }

        block = RtcpReportBlock.Read(_bytes.Slice(offset));
        return true;
    }

    /// <summary>The source at <paramref name="index"/> of a BYE; false when it is not there.</summary>
    public bool TryGetByeSource(int index, out uint ssrc)
    {
        ssrc = 0;
        int offset = 4 + (4 * index);
        if (Type != RtcpPacketType.Bye || index < 0 || index >= Count || offset + 4 > _bytes.Length)
        {
            return false;
        }

        ssrc = BinaryPrimitives.ReadUInt32BigEndian(_bytes.Slice(offset));
        return true;
    }

    /// <summary>The CNAME of the SDES chunk for <paramref name="ssrc"/>; false when absent or malformed.</summary>
    public bool TryGetCname(uint ssrc, out ReadOnlySpan<byte> cname)
    {
        cname = default;
        if (Type != RtcpPacketType.SourceDescription)
        {
            return false;
        }

        int offset = 4;
        for (int chunk = 0; chunk < Count; chunk++)
        {
            if (offset + 4 > _bytes.Length)
            {
                return false;
            }

            uint chunkSsrc = BinaryPrimitives.ReadUInt32BigEndian(_bytes.Slice(offset));
            offset += 4;
            while (true)
            {
                if (offset >= _bytes.Length)
                {
                    return false;
                }

                byte itemType = _bytes[offset];
                if (itemType == 0)
                {
                    // The end item is followed by nulls up to the next 32-bit boundary.
                    offset = (offset + 4) & ~3;
                    break;
                }

                if (offset + 2 > _bytes.Length || offset + 2 + _bytes[offset + 1] > _bytes.Length)
                {
                    return false;
                }

                int length = _bytes[offset + 1];
                if (itemType == 1 && chunkSsrc == ssrc)
                {
                    cname = _bytes.Slice(offset + 2, length);
                    return true;
                }

                offset += 2 + length;
            }
        }

        return false;
    }
}
