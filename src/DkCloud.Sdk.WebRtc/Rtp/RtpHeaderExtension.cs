using System;

namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>One RFC 8285 header extension element.</summary>
internal readonly ref struct RtpHeaderExtension
{
    /// <summary>Creates the view.</summary>
    public RtpHeaderExtension(int id, ReadOnlySpan<byte> value)
    {
        Id = id;
        Value = value;
    }

    /// <summary>The element id (1-14 one-byte, 1-255 two-byte).</summary>
    public int Id { get; }

    /// <summary>The element data.</summary>
    public ReadOnlySpan<byte> Value { get; }
}
