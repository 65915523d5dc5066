using System;
using System.Buffers.Binary;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>
/// Splits a TCP byte stream from a TURN server into messages: a STUN message is 20 bytes plus its length field,
/// a ChannelData message 4 bytes plus its length rounded up to a multiple of four (RFC 8656 section 12.5).
/// </summary>
internal static class TurnStreamFraming
{
    /// <summary>The largest frame accepted: a STUN message or a padded ChannelData of the longest length.</summary>
    public const int MaxFrame = StunConstants.HeaderLength + ushort.MaxValue + 3;

    /// <summary>The length of the frame that starts <paramref name="stream"/>.</summary>
    /// <returns>The frame length, 0 when fewer than 4 bytes are there, -1 when the first bits fit neither kind.</returns>
    public static int FrameLength(ReadOnlySpan<byte> stream)
    {
        if (stream.Length < 4)
        {
            return 0;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(stream.Slice(2));
        switch (stream[0] >> 6)
        {
            case 0:
                return StunConstants.HeaderLength + length;
            case 1:
                return TurnChannelData.EncodedLength(length, stream: true);
            default:
                return -1;
        }
    }
}
