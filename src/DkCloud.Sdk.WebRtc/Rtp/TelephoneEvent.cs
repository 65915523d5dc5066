using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>
/// The 4-byte RFC 4733 §2.3 telephone-event payload: event code, End bit, volume (0 to 63, in -dBm0) and duration in
/// RTP timestamp units since the event's timestamp.
/// </summary>
internal readonly struct TelephoneEvent
{
    /// <summary>Payload size in bytes.</summary>
    public const int Size = 4;

    /// <summary>Creates an event payload.</summary>
    public TelephoneEvent(byte eventCode, bool end, byte volume, ushort duration)
    {
        if (volume > 63)
        {
            throw new ArgumentOutOfRangeException(nameof(volume), "The volume has 6 bits.");
        }

        EventCode = eventCode;
        End = end;
        Volume = volume;
        Duration = duration;
    }

    /// <summary>The event (0-9, 10 = '*', 11 = '#', 12-15 = A-D for DTMF).</summary>
    public byte EventCode { get; }

    /// <summary>The E bit: the event has ended.</summary>
    public bool End { get; }

    /// <summary>Power level of the tone in -dBm0 (0 to 63).</summary>
    public byte Volume { get; }

    /// <summary>Duration so far, in RTP timestamp units.</summary>
    public ushort Duration { get; }

    /// <summary>Reads a payload; false when it is shorter than 4 bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Size)
        {
            value = default;
            return false;
        }

        value = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload.Slice(2)));
        return true;
    }

    /// <summary>Writes the payload and returns its length.</summary>
    public int Write(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException("A telephone-event payload takes 4 bytes.", nameof(destination));
        }

        destination[0] = EventCode;
        destination[1] = (byte)((End ? 0x80 : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), Duration);
        return Size;
    }
}
