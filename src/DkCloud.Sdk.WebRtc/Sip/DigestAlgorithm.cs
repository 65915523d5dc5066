namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Digest algorithms (RFC 2617, RFC 7616 §3.3).</summary>
internal enum DigestAlgorithm
{
    /// <summary>MD5 (the default when the challenge names none).</summary>
    Md5,
    /// <summary>MD5-sess: HA1 also covers nonce and cnonce.</summary>
    Md5Sess,
    /// <summary>SHA-256 (RFC 7616).</summary>
    Sha256,
    /// <summary>SHA-256-sess (RFC 7616).</summary>
    Sha256Sess,
}
