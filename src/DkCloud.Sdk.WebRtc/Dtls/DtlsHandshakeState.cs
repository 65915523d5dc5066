using System;
using DkCloud.Sdk.WebRtc.Srtp;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// What the client or server peer learns during one handshake (peer fingerprint, chosen profile, the first reason it
/// failed), shared by <see cref="DtlsSrtpClient"/>, <see cref="DtlsSrtpServer"/> and <see cref="DtlsSrtpTransport"/>.
/// </summary>
/// <remarks>Written only on the DTLS thread, read after the handshake ends.</remarks>
internal sealed class DtlsHandshakeState
{
    /// <summary>ECDSA with SHA-256, the only signature this endpoint makes (its key is P-256).</summary>
    public static readonly SignatureAndHashAlgorithm SigningAlgorithm = new(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    /// <summary>Creates the state of one handshake.</summary>
    public DtlsHandshakeState(DtlsSrtpOptions options, DtlsCertificate certificate, DtlsFingerprint expectedRemote, BcTlsCrypto crypto)
    {
        Options = options;
        LocalCertificate = certificate;
        ExpectedRemote = expectedRemote;
        Crypto = crypto;
        TlsCertificate tlsCertificate = crypto.CreateCertificate(certificate.ToArray());
        TlsCertificateChain = new Certificate(new[] { tlsCertificate });
    }

    /// <summary>The endpoint's settings.</summary>
    public DtlsSrtpOptions Options { get; }

    /// <summary>This endpoint's certificate and key.</summary>
    public DtlsCertificate LocalCertificate { get; }

    /// <summary>The fingerprint the peer announced in its SDP.</summary>
    public DtlsFingerprint ExpectedRemote { get; }

    /// <summary>The BouncyCastle TLS crypto provider.</summary>
    public BcTlsCrypto Crypto { get; }

    /// <summary>This endpoint's certificate as a TLS certificate chain of one.</summary>
    public Certificate TlsCertificateChain { get; }

    /// <summary>The first failure this endpoint detected itself, if any.</summary>
    public DtlsHandshakeError? Failure { get; private set; }

    /// <summary>Detail text of <see cref="Failure"/>.</summary>
    public string? FailureDetail { get; private set; }

    /// <summary>The fatal alert the peer sent, if any.</summary>
    public short? ReceivedAlert { get; set; }

    /// <summary>The SRTP profile agreed on.</summary>
    public SrtpProfile? SelectedProfile { get; set; }

    /// <summary>The peer certificate's fingerprint, once verified.</summary>
    public DtlsFingerprint? RemoteFingerprint { get; private set; }

    /// <summary>The SRTP keys, exported when the handshake completed.</summary>
    public DtlsSrtpKeys? Keys { get; private set; }

    /// <summary>Exports the SRTP keys; BouncyCastle allows the exporter only while it reports the handshake complete.</summary>
    public void ExportKeys(TlsContext context)
    {
        if (SelectedProfile is null || RemoteFingerprint is null)
        {
            throw Fail(DtlsHandshakeError.ProtocolError, AlertDescription.internal_error, "The handshake completed without an SRTP profile or a verified peer certificate.");
        }

        Keys = DtlsSrtpKeyExporter.Export(context, SelectedProfile.Value, RemoteFingerprint);
    }

    /// <summary>Records the failure (the first one wins) and returns the alert to throw.</summary>
    public TlsFatalAlert Fail(DtlsHandshakeError error, short alert, string detail)
    {
        if (Failure is null)
        {
            Failure = error;
            FailureDetail = detail;
        }

        return new TlsFatalAlert(alert, detail);
    }

    /// <summary>Checks the peer's end-entity certificate against <see cref="ExpectedRemote"/>; throws a fatal alert on mismatch.</summary>
    public void VerifyPeerCertificate(Certificate? chain)
    {
        if (chain is null || chain.IsEmpty)
        {
            throw Fail(DtlsHandshakeError.NoCertificate, AlertDescription.handshake_failure, "The peer sent no certificate.");
        }

        byte[] der = chain.GetCertificateAt(0).GetEncoded();
        if (!ExpectedRemote.Matches(der))
        {
            throw Fail(
                DtlsHandshakeError.FingerprintMismatch,
                AlertDescription.bad_certificate,
                "The peer certificate's " + ExpectedRemote.Algorithm + " fingerprint does not match the SDP fingerprint.");
        }

        RemoteFingerprint = DtlsFingerprint.Compute(ExpectedRemote.Algorithm, der);
    }

    /// <summary>Throws when the extended master secret is required but the peer's hello lacks it.</summary>
    public void CheckExtendedMasterSecret(System.Collections.Generic.IDictionary<int, byte[]>? peerExtensions)
    {
        if (Options.RequireExtendedMasterSecret && !TlsExtensionsUtilities.HasExtendedMasterSecretExtension(peerExtensions))
        {
            throw Fail(DtlsHandshakeError.ExtendedMasterSecretMissing, AlertDescription.handshake_failure, "The peer does not support the extended master secret (RFC 7627).");
        }
    }

    /// <summary>The signer that proves possession of this endpoint's key in the handshake.</summary>
    public TlsCredentialedSigner CreateSigner(TlsContext context) =>
        new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), Crypto, LocalCertificate.PrivateKey, TlsCertificateChain, SigningAlgorithm);
}
