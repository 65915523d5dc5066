namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>Why a datagram was rejected as a STUN message.</summary>
internal enum StunParseError
{
    /// <summary>Fewer than 20 bytes, or the header announces more bytes than were received.</summary>
    Truncated,

    /// <summary>The two most significant bits of the first byte are not zero.</summary>
    InvalidLeadingBits,

    /// <summary>The magic cookie is not 0x2112A442 (RFC 3489 messages are not accepted).</summary>
    BadMagicCookie,

    /// <summary>
    /// The message length field is not a multiple of four. Because every attribute starts on a 4-byte boundary, this is
    /// also how a last attribute that lacks its padding shows.
    /// </summary>
    LengthNotMultipleOfFour,

    /// <summary>The datagram holds bytes after the length announced by the header.</summary>
    TrailingBytes,

    /// <summary>Fewer than four bytes remain where an attribute header must start.</summary>
    AttributeHeaderTruncated,

    /// <summary>An attribute value runs past the end of the message.</summary>
    AttributePastEnd,

    /// <summary>A known attribute has a value length its definition does not allow.</summary>
    BadAttributeLength,

    /// <summary>A known attribute has a value its definition does not allow (address family, class, UTF-8).</summary>
    BadAttributeValue,

    /// <summary>FINGERPRINT is followed by another attribute.</summary>
    FingerprintNotLast,

    /// <summary>The FINGERPRINT value does not match the CRC-32 of the message.</summary>
    BadFingerprint,

    /// <summary>A MESSAGE-INTEGRITY or MESSAGE-INTEGRITY-SHA256 attribute appears twice.</summary>
    DuplicateIntegrity,
}
