using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>
/// A STUN message read in place from a datagram. <see cref="Parse"/> validates the whole structure once (header,
/// every attribute's bounds and padding, known attributes' values, FINGERPRINT); the accessors then cannot fail on
/// malformed bytes. Nothing is copied or allocated except by the string and address accessors.
/// </summary>
internal readonly ref partial struct StunMessage
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _integrityOffset;
    private readonly int _integritySha256Offset;
    private readonly int _fingerprintOffset;
    private readonly int _unknownCount;

    private StunMessage(ReadOnlySpan<byte> bytes, int integrityOffset, int integritySha256Offset, int fingerprintOffset, int unknownCount)
    {
        _bytes = bytes;
        _integrityOffset = integrityOffset;
        _integritySha256Offset = integritySha256Offset;
        _fingerprintOffset = fingerprintOffset;
        _unknownCount = unknownCount;
    }

    /// <summary>The whole message.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The raw 14-bit message type.</summary>
    public ushort MessageType => BinaryPrimitives.ReadUInt16BigEndian(_bytes);

    /// <summary>The 12-bit method; compare with <see cref="StunMethod"/>.</summary>
    public StunMethod Method => (StunMethod)StunMessageType.DecodeMethod(MessageType);

    /// <summary>The message class.</summary>
    public StunClass Class => StunMessageType.DecodeClass(MessageType);

    /// <summary>The 96-bit transaction id.</summary>
    public ReadOnlySpan<byte> TransactionId => _bytes.Slice(8, StunConstants.TransactionIdLength);

    /// <summary>True when a MESSAGE-INTEGRITY attribute is present.</summary>
    public bool HasMessageIntegrity => _integrityOffset >= 0;

    /// <summary>True when a MESSAGE-INTEGRITY-SHA256 attribute is present.</summary>
    public bool HasMessageIntegritySha256 => _integritySha256Offset >= 0;

    /// <summary>True when a FINGERPRINT attribute is present (its value was verified by <see cref="Parse"/>).</summary>
    public bool HasFingerprint => _fingerprintOffset >= 0;

    /// <summary>How many comprehension-required attributes this stack does not understand.</summary>
    public int UnknownComprehensionRequiredCount => _unknownCount;

    /// <summary>Quick test used to demultiplex: leading bits zero, magic cookie, length consistent with the datagram.</summary>
    public static bool LooksLikeStun(ReadOnlySpan<byte> datagram)
    {
        return datagram.Length >= StunConstants.HeaderLength
            && (datagram[0] & 0xC0) == 0
            && BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(4)) == StunConstants.MagicCookie
            && BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(2)) + StunConstants.HeaderLength == datagram.Length;
    }

    /// <summary>Validates <paramref name="datagram"/> as exactly one STUN message.</summary>
    /// <exception cref="StunParseException">The bytes are not a valid STUN message; the reason says why.</exception>
    public static StunMessage Parse(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < StunConstants.HeaderLength)
        {
            throw new StunParseException(StunParseError.Truncated);
        }

        if ((datagram[0] & 0xC0) != 0)
        {
            throw new StunParseException(StunParseError.InvalidLeadingBits, 0);
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(4)) != StunConstants.MagicCookie)
        {
            throw new StunParseException(StunParseError.BadMagicCookie, 4);
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(2));
        if ((length & 3) != 0)
        {
            throw new StunParseException(StunParseError.LengthNotMultipleOfFour, 2);
        }

        int total = StunConstants.HeaderLength + length;
        if (total > datagram.Length)
        {
            throw new StunParseException(StunParseError.Truncated);
        }

        if (total < datagram.Length)
        {
            throw new StunParseException(StunParseError.TrailingBytes, total);
        }

        return ParseAttributes(datagram);
    }

    /// <summary>Like <see cref="Parse"/>, but reports failure as false and a reason instead of an exception.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out StunMessage message, out StunParseError error)
    {
        try
        {
            message = Parse(datagram);
            error = default;
            return true;
        }
        catch (StunParseException e)
        {
            message = default;
            error = e.Reason;
            return false;
        }
    }

    /// <summary>Enumerates the attributes a receiver must look at (see <see cref="StunAttributeEnumerator"/>).</summary>
    public StunAttributeEnumerator GetAttributes() => new StunAttributeEnumerator(_bytes);

    /// <summary>Copies the types of unknown comprehension-required attributes (for a 420 response's UNKNOWN-ATTRIBUTES).</summary>
    /// <returns>How many types were written; at most <paramref name="destination"/>'s length.</returns>
    public int CopyUnknownComprehensionRequired(Span<ushort> destination)
    {
        int count = 0;
        foreach (StunAttribute attribute in GetAttributes())
        {
            if (count == destination.Length)
            {
                break;
            }

            if (StunAttributeRules.IsComprehensionRequired(attribute.Type) && !StunAttributeRules.IsKnown(attribute.Type))
            {
                destination[count++] = attribute.Type;
            }
        }

        return count;
    }

    private static StunMessage ParseAttributes(ReadOnlySpan<byte> message)
    {
        int integrity = -1;
        int integritySha256 = -1;
        int fingerprint = -1;
        int unknown = 0;
        int offset = StunConstants.HeaderLength;
        while (offset < message.Length)
        {
            if (fingerprint >= 0)
            {
                throw new StunParseException(StunParseError.FingerprintNotLast, offset);
            }

            if (message.Length - offset < StunConstants.AttributeHeaderLength)
            {
                throw new StunParseException(StunParseError.AttributeHeaderTruncated, offset);
            }

            ushort type = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(offset));
            int length = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(offset + 2));
            int valueStart = offset + StunConstants.AttributeHeaderLength;
            if (length > message.Length - valueStart)
            {
                throw new StunParseException(StunParseError.AttributePastEnd, offset);
            }

            ReadOnlySpan<byte> value = message.Slice(valueStart, length);
            bool visible = IsVisible(type, integrity, integritySha256);
            if (visible)
            {
                StunParseError? error = StunAttributeRules.Validate(type, value);
                if (error.HasValue)
                {
                    throw new StunParseException(error.Value, offset);
                }

                switch ((StunAttributeType)type)
                {
                    case StunAttributeType.MessageIntegrity:
                        integrity = offset;
                        break;
                    case StunAttributeType.MessageIntegritySha256:
                        integritySha256 = offset;
                        break;
                    case StunAttributeType.Fingerprint:
                        fingerprint = offset;
                        break;
                    default:
                        if (StunAttributeRules.IsComprehensionRequired(type) && !StunAttributeRules.IsKnown(type))
                        {
                            unknown++;
                        }

                        break;
                }
            }
            else if (type == (ushort)StunAttributeType.MessageIntegrity && integrity >= 0)
            {
                throw new StunParseException(StunParseError.DuplicateIntegrity, offset);
            }
            else if (type == (ushort)StunAttributeType.MessageIntegritySha256 && integritySha256 >= 0)
            {
                throw new StunParseException(StunParseError.DuplicateIntegrity, offset);
            }

            offset = valueStart + StunConstants.Pad(length);
        }

        if (fingerprint >= 0)
        {
            uint expected = BinaryPrimitives.ReadUInt32BigEndian(message.Slice(fingerprint + StunConstants.AttributeHeaderLength));
            if (StunCrc32.Fingerprint(message.Slice(0, fingerprint)) != expected)
            {
                throw new StunParseException(StunParseError.BadFingerprint, fingerprint);
            }
        }

        return new StunMessage(message, integrity, integritySha256, fingerprint, unknown);
    }

    private static bool IsVisible(ushort type, int integrity, int integritySha256)
    {
        var known = (StunAttributeType)type;
        if (known == StunAttributeType.Fingerprint)
        {
            return true;
        }

        if (integritySha256 >= 0)
        {
            return false;
        }

        if (integrity >= 0)
        {
            return known == StunAttributeType.MessageIntegritySha256;
        }

        return true;
    }
}
