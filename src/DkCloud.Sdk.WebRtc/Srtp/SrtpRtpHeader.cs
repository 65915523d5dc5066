using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>The few RTP header facts SRTP needs: where the payload starts, the SSRC and the sequence number.</summary>
internal static class SrtpRtpHeader
{
    /// <summary>Finds the header length (fixed part, CSRCs and extension); false when the packet is not RTP version 2 or too short.</summary>
    public static bool TryGetLength(ReadOnlySpan<byte> packet, out int headerLength)
    {
        headerLength = 0;
        if (packet.Length < 12 || (packet[0] >> 6) != 2)
        {
            return false;
        }

        int length = 12 + (4 * (packet[0] & 0x0F));
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < length + 4)
            {
                return false;
            }

            length += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(length + 2)));
        }

        if (length > packet.Length)
        {
            return false;
        }

        headerLength = length;
        return true;
    }

    /// <summary>The sequence number of an RTP packet that passed <see cref="TryGetLength"/>.</summary>
    public static ushort Sequence(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(2));

    /// <summary>The SSRC of an RTP packet (bytes 8-11) that passed <see cref="TryGetLength"/>.</summary>
    public static uint Ssrc(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(8));
}
