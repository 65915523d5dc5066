using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>
/// ChannelData messages (RFC 8656 section 12.4): channel number, length, application data. Over a stream transport
/// the message is padded to a multiple of four bytes (the padding is not counted in the length); over UDP it need not be.
/// </summary>
internal static class TurnChannelData
{
    /// <summary>The header size.</summary>
    public const int HeaderLength = 4;

    /// <summary>The first channel number a client may bind.</summary>
    public const ushort MinChannel = 0x4000;

    /// <summary>The last channel number a client may bind (RFC 8656 narrowed RFC 5766's 0x7FFF to 0x4FFF).</summary>
    public const ushort MaxChannel = 0x4FFF;

    /// <summary>True for 0x4000-0x4FFF.</summary>
    public static bool IsValidChannel(ushort channel) => channel >= MinChannel && channel <= MaxChannel;

    /// <summary>The encoded size of <paramref name="dataLength"/> bytes of data.</summary>
    public static int EncodedLength(int dataLength, bool stream) => HeaderLength + (stream ? (dataLength + 3) & ~3 : dataLength);

    /// <summary>Writes a ChannelData message into <paramref name="destination"/>; returns the bytes written.</summary>
    /// <exception cref="ArgumentException">Invalid channel, data longer than 65535 bytes or too small a destination.</exception>
    public static int Write(Span<byte> destination, ushort channel, ReadOnlySpan<byte> data, bool stream)
    {
        if (!IsValidChannel(channel))
        {
            throw new ArgumentException("Channel numbers are 0x4000-0x4FFF.", nameof(channel));
        }

        if (data.Length > ushort.MaxValue)
        {
            throw new ArgumentException("ChannelData carries at most 65535 bytes.", nameof(data));
        }

        int length = EncodedLength(data.Length, stream);
        if (destination.Length < length)
        {
            throw new ArgumentException("Destination too small.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, channel);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)data.Length);
        data.CopyTo(destination.Slice(HeaderLength));
        destination.Slice(HeaderLength + data.Length, length - HeaderLength - data.Length).Clear();
        return length;
    }

    /// <summary>
    /// Reads a ChannelData message from the start of <paramref name="message"/>. <paramref name="consumed"/> is the
    /// whole message with its padding when <paramref name="stream"/>, else the datagram length (which may include padding).
    /// </summary>
    /// <returns>False when the bytes are not a complete ChannelData message (bad channel, length beyond the bytes).</returns>
    public static bool TryRead(ReadOnlySpan<byte> message, bool stream, out ushort channel, out int dataOffset, out int dataLength, out int consumed)
    {
        channel = 0;
        dataOffset = HeaderLength;
        dataLength = 0;
        consumed = 0;
        if (message.Length < HeaderLength)
        {
            return false;
        }

        ushort number = BinaryPrimitives.ReadUInt16BigEndian(message);
        int length = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(2));
        int needed = stream ? EncodedLength(length, stream: true) : HeaderLength + length;
        if (!IsValidChannel(number) || message.Length < needed)
        {
            return false;
        }

        channel = number;
        dataLength = length;
        consumed = stream ? needed : message.Length;
        return true;
    }
}
