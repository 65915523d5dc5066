namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>Why a DTLS-SRTP handshake failed; callers switch on this, never on the message text.</summary>
internal enum DtlsHandshakeError
{
    /// <summary>The peer's certificate does not match the fingerprint from its SDP.</summary>
    FingerprintMismatch,

    /// <summary>The peer sent no certificate (both sides must authenticate in DTLS-SRTP).</summary>
    NoCertificate,

    /// <summary>The peers have no SRTP protection profile in common, or the server picked one that was not offered.</summary>
    NoCommonSrtpProfile,

    /// <summary>The peer did not negotiate the extended master secret (RFC 7627) and it is required.</summary>
    ExtendedMasterSecretMissing,

    /// <summary>The peer sent a fatal alert.</summary>
    AlertReceived,

    /// <summary>Any other protocol failure (bad message, no common cipher suite, decryption error).</summary>
    ProtocolError,

    /// <summary>The transport was closed before the handshake finished.</summary>
    TransportClosed,
}
