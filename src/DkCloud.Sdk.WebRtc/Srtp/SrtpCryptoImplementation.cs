namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>Which code computes AES counter mode and HMAC-SHA1 for the AES-CM profiles.</summary>
internal enum SrtpCryptoImplementation
{
    /// <summary>
    /// AES-128 with the processor's AES instructions where .NET exposes them (the platform's AES otherwise, and for
    /// other key sizes), and HMAC-SHA1 in managed code from precomputed ipad/opad states. The default.
    /// </summary>
    Managed,

    /// <summary>
    /// Every block and every MAC through the platform's crypto library (an ECB transform over counter blocks and an
    /// incremental HMAC): several library calls a packet. Kept as the reference the managed code is tested and
    /// measured against.
    /// </summary>
    Platform,
}
