using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>Writes an RTP fixed header and CSRC list (no padding, no extension) into a caller buffer.</summary>
internal static class RtpHeaderWriter
{
    /// <summary>Writes the header and returns its length (12 + 4 per CSRC).</summary>
    public static int Write(Span<byte> destination, bool marker, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc, ReadOnlySpan<uint> csrcs = default)
    {
        if (payloadType > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadType), "The payload type has 7 bits.");
        }

        if (csrcs.Length > 15)
        {
            throw new ArgumentOutOfRangeException(nameof(csrcs), "At most 15 CSRCs.");
        }

        int length = 12 + (4 * csrcs.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException("Destination too small for the RTP header.", nameof(destination));
        }

        destination[0] = (byte)(0x80 | csrcs.Length);
        destination[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8), ssrc);
        for (int i = 0; i < csrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(12 + (4 * i)), csrcs[i]);
        }

        return length;
    }
}
