using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>A byte range inside a parsed message: offset from the first byte of the message, and length.</summary>
internal readonly struct SipSegment : IEquatable<SipSegment>
{
    /// <summary>Creates a segment.</summary>
    public SipSegment(int start, int length)
    {
        Start = start;
        Length = length;
    }

    /// <summary>Offset of the first byte.</summary>
    public int Start { get; }

    /// <summary>Number of bytes.</summary>
    public int Length { get; }

    /// <summary>Offset just past the last byte.</summary>
    public int End => Start + Length;

    /// <summary>True for a zero-length segment.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>The bytes of this segment within <paramref name="message"/>.</summary>
    public ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> message) => message.Slice(Start, Length);

    /// <inheritdoc/>
    public bool Equals(SipSegment other) => Start == other.Start && Length == other.Length;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SipSegment other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (Start * 397) ^ Length;
}
