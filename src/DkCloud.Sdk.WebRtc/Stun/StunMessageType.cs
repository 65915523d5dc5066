namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>Packs and unpacks the 14-bit STUN message type (method bits interleaved with the two class bits, RFC 8489 section 5).</summary>
internal static class StunMessageType
{
    /// <summary>Builds the type field from a 12-bit method and a class.</summary>
    public static ushort Encode(ushort method, StunClass messageClass)
    {
        int m = method & 0x0FFF;
        int c = (int)messageClass;
        int value = (m & 0x000F)
            | ((c & 0x1) << 4)
            | ((m & 0x0070) << 1)
            | ((c & 0x2) << 7)
            | ((m & 0x0F80) << 2);
        return (ushort)value;
    }

    /// <summary>Extracts the 12-bit method from a type field.</summary>
    public static ushort DecodeMethod(ushort type)
    {
        int value = (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
        return (ushort)value;
    }

    /// <summary>Extracts the class from a type field.</summary>
    public static StunClass DecodeClass(ushort type)
    {
        int value = ((type >> 4) & 0x1) | ((type >> 7) & 0x2);
        return (StunClass)value;
    }
}
