using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Srtp;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// The DTLS 1.2 client side of DTLS-SRTP: offers use_srtp with the configured profiles and the extended master
/// secret, presents this endpoint's certificate when asked, and accepts the server only by its SDP fingerprint.
/// </summary>
internal sealed class DtlsSrtpClient : DefaultTlsClient
{
    private readonly DtlsHandshakeState _state;

    /// <summary>Creates the client peer.</summary>
    public DtlsSrtpClient(BcTlsCrypto crypto, DtlsHandshakeState state)
        : base(crypto)
    {
        _state = state;
    }

    /// <inheritdoc />
    public override IDictionary<int, byte[]> GetClientExtensions()
    {
        IDictionary<int, byte[]> extensions = TlsExtensionsUtilities.EnsureExtensionsInitialised(base.GetClientExtensions());
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData(DtlsSrtpProfiles.ToWire(_state.Options.Profiles), TlsUtilities.EmptyBytes));
        return extensions;
    }

    /// <inheritdoc />
    public override void ProcessServerExtensions(IDictionary<int, byte[]> serverExtensions)
    {
        base.ProcessServerExtensions(serverExtensions);
        _state.CheckExtendedMasterSecret(serverExtensions);
        UseSrtpData? answer = serverExtensions is null ? null : TlsSrtpUtilities.GetUseSrtpExtension(serverExtensions);
        if (answer is null)
        {
            throw _state.Fail(DtlsHandshakeError.NoCommonSrtpProfile, AlertDescription.handshake_failure, "The server did not accept use_srtp.");
        }

        if (answer.ProtectionProfiles.Length != 1
            || !DtlsSrtpProfiles.TryFromWire(answer.ProtectionProfiles[0], out SrtpProfile profile)
            || !Contains(_state.Options.Profiles, profile))
        {
            throw _state.Fail(DtlsHandshakeError.NoCommonSrtpProfile, AlertDescription.illegal_parameter, "The server chose an SRTP profile that was not offered.");
        }

        if (answer.Mki.Length != 0)
        {
            throw _state.Fail(DtlsHandshakeError.ProtocolError, AlertDescription.illegal_parameter, "The server sent an SRTP MKI; none was offered.");
        }

        _state.SelectedProfile = profile;
    }

    /// <inheritdoc />
    public override TlsAuthentication GetAuthentication() => new DtlsClientAuthentication(_state, m_context);

    /// <inheritdoc />
    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    /// <inheritdoc />
    protected override int[] GetSupportedCipherSuites() => TlsUtilities.GetSupportedCipherSuites(Crypto, DtlsCipherSuites.Client);

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

    private static bool Contains(IReadOnlyList<SrtpProfile> profiles, SrtpProfile profile)
    {
        foreach (SrtpProfile candidate in profiles)
        {
            if (candidate == profile)
            {
                return true;
            }
        }

        return false;
    }
}
