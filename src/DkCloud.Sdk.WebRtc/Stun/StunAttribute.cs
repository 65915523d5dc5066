using System;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>One attribute of a parsed message: its type, value (without padding) and where it starts.</summary>
internal readonly ref struct StunAttribute
{
    /// <summary>Creates the view.</summary>
    public StunAttribute(ushort type, ReadOnlySpan<byte> value, int offset)
    {
        Type = type;
        Value = value;
        Offset = offset;
    }

    /// <summary>The raw attribute type.</summary>
    public ushort Type { get; }

    /// <summary>The value bytes, padding excluded.</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>Offset of the attribute header from the start of the message.</summary>
    public int Offset { get; }
}
