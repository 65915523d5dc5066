namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>Fixed numbers of the STUN wire format (RFC 8489).</summary>
internal static class StunConstants
{
    /// <summary>Size of the fixed header.</summary>
    public const int HeaderLength = 20;

    /// <summary>Size of an attribute's type and length fields.</summary>
    public const int AttributeHeaderLength = 4;

    /// <summary>Size of the transaction id.</summary>
    public const int TransactionIdLength = 12;

    /// <summary>The magic cookie in network byte order.</summary>
    public const uint MagicCookie = 0x2112A442;

    /// <summary>Value XORed into the CRC-32 for FINGERPRINT ("STUN").</summary>
    public const uint FingerprintXor = 0x5354554E;

    /// <summary>Length of an HMAC-SHA1 MESSAGE-INTEGRITY value.</summary>
    public const int MessageIntegrityLength = 20;

    /// <summary>Largest MESSAGE-INTEGRITY-SHA256 value (the untruncated HMAC-SHA256).</summary>
    public const int MessageIntegritySha256MaxLength = 32;

    /// <summary>Smallest MESSAGE-INTEGRITY-SHA256 value.</summary>
    public const int MessageIntegritySha256MinLength = 16;

    /// <summary>Longest USERNAME value in bytes (RFC 8489 section 14.3: less than 513).</summary>
    public const int MaxUsernameLength = 512;

    /// <summary>Longest REALM, NONCE, SOFTWARE or ERROR-CODE reason in bytes (RFC 8489: less than 763).</summary>
    public const int MaxTextLength = 762;

    /// <summary>Rounds an attribute value length up to the 4-byte boundary.</summary>
    public static int Pad(int length) => (length + 3) & ~3;
}
