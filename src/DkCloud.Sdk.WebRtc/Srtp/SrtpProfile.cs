namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>SRTP protection profiles (RFC 3711, RFC 5764 section 4.1.2, RFC 7714).</summary>
internal enum SrtpProfile
{
    /// <summary>AES-128 counter mode, HMAC-SHA1 with an 80-bit tag (SRTCP also 80).</summary>
    AesCm128HmacSha1_80,

    /// <summary>AES-128 counter mode, HMAC-SHA1 with a 32-bit SRTP tag (SRTCP keeps 80 bits).</summary>
    AesCm128HmacSha1_32,

    /// <summary>AEAD_AES_128_GCM, 16-byte tag (RFC 7714); .NET 8 or later only.</summary>
    AeadAes128Gcm,

    /// <summary>AEAD_AES_256_GCM, 16-byte tag (RFC 7714); .NET 8 or later only.</summary>
    AeadAes256Gcm,
}
