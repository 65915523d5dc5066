using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Srtp;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// The DTLS 1.2 server side of DTLS-SRTP: picks the first of its own SRTP profiles that the client offered, signs
/// with this endpoint's ECDSA certificate, requires a client certificate and accepts it only by its SDP fingerprint.
/// </summary>
internal sealed class DtlsSrtpServer : DefaultTlsServer
{
    private readonly DtlsHandshakeState _state;

    /// <summary>Creates the server peer.</summary>
    public DtlsSrtpServer(BcTlsCrypto crypto, DtlsHandshakeState state)
        : base(crypto)
    {
        _state = state;
    }

    /// <inheritdoc />
    public override void ProcessClientExtensions(IDictionary<int, byte[]> clientExtensions)
    {
        base.ProcessClientExtensions(clientExtensions);
        _state.CheckExtendedMasterSecret(clientExtensions);
        UseSrtpData? offer = clientExtensions is null ? null : TlsSrtpUtilities.GetUseSrtpExtension(clientExtensions);
        if (offer is null)
        {
            throw _state.Fail(DtlsHandshakeError.NoCommonSrtpProfile, AlertDescription.handshake_failure, "The client did not offer use_srtp.");
        }

        if (!DtlsSrtpProfiles.TrySelect(_state.Options.Profiles, offer.ProtectionProfiles, out SrtpProfile profile))
        {
            throw _state.Fail(DtlsHandshakeError.NoCommonSrtpProfile, AlertDescription.handshake_failure, "No SRTP protection profile in common with the client.");
        }

        _state.SelectedProfile = profile;
    }

    /// <inheritdoc />
    public override IDictionary<int, byte[]> GetServerExtensions()
    {
        IDictionary<int, byte[]> extensions = TlsExtensionsUtilities.EnsureExtensionsInitialised(base.GetServerExtensions());
        int selected = DtlsSrtpProfiles.ToWire(_state.SelectedProfile!.Value);
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData(new[] { selected }, TlsUtilities.EmptyBytes));
        return extensions;
    }

    /// <inheritdoc />
    public override CertificateRequest GetCertificateRequest()
    {
        short[] types = { ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign };
        return new CertificateRequest(types, TlsUtilities.GetDefaultSupportedSignatureAlgorithms(m_context), null);
    }

    /// <inheritdoc />
    public override void NotifyClientCertificate(Certificate clientCertificate) => _state.VerifyPeerCertificate(clientCertificate);

    /// <inheritdoc />
    public override bool ShouldUseExtendedMasterSecret() => true;

    /// <inheritdoc />
    public override bool RequiresExtendedMasterSecret() => _state.Options.RequireExtendedMasterSecret;

    /// <summary>None: <see cref="DtlsSrtpTransport"/> ends the handshake after <see cref="DtlsSrtpOptions.HandshakeTimeout"/> on its own clock.</summary>
    public override int GetHandshakeTimeoutMillis() => 0;

    /// <inheritdoc />
    public override int GetHandshakeResendTimeMillis() => _state.Options.EngineRetransmissionMillis;

    /// <inheritdoc />
    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        _state.ExportKeys(m_context);
    }

    /// <inheritdoc />
    public override void NotifyAlertReceived(short alertLevel, short alertDescription)
    {
        if (alertLevel == AlertLevel.fatal)
        {
            _state.ReceivedAlert ??= alertDescription;
        }
    }

    /// <inheritdoc />
    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    /// <inheritdoc />
    protected override int[] GetSupportedCipherSuites() => TlsUtilities.GetSupportedCipherSuites(Crypto, DtlsCipherSuites.Ecdsa);

    /// <inheritdoc />
    protected override TlsCredentialedSigner GetECDsaSignerCredentials() => _state.CreateSigner(m_context);
}
