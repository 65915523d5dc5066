using System;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// What a DTLS-SRTP handshake produced: the negotiated profile and one master key and salt per direction
/// (RFC 5764 section 4.2), plus facts about the session for diagnostics.
/// </summary>
internal sealed class DtlsSrtpKeys
{
    private readonly byte[] _localKey;
    private readonly byte[] _localSalt;
    private readonly byte[] _remoteKey;
    private readonly byte[] _remoteSalt;

    /// <summary>Creates the result.</summary>
    public DtlsSrtpKeys(SrtpProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey, byte[] remoteSalt, DtlsFingerprint remoteFingerprint, bool extendedMasterSecret, int cipherSuite)
    {
        Profile = profile;
        _localKey = localKey ?? throw new ArgumentNullException(nameof(localKey));
        _localSalt = localSalt ?? throw new ArgumentNullException(nameof(localSalt));
        _remoteKey = remoteKey ?? throw new ArgumentNullException(nameof(remoteKey));
        _remoteSalt = remoteSalt ?? throw new ArgumentNullException(nameof(remoteSalt));
        RemoteFingerprint = remoteFingerprint ?? throw new ArgumentNullException(nameof(remoteFingerprint));
        ExtendedMasterSecret = extendedMasterSecret;
        CipherSuite = cipherSuite;
    }

    /// <summary>The negotiated SRTP protection profile.</summary>
    public SrtpProfile Profile { get; }

    /// <summary>Master key this endpoint sends with.</summary>
    public ReadOnlySpan<byte> LocalMasterKey => _localKey;

    /// <summary>Master salt this endpoint sends with.</summary>
    public ReadOnlySpan<byte> LocalMasterSalt => _localSalt;

    /// <summary>Master key the peer sends with.</summary>
    public ReadOnlySpan<byte> RemoteMasterKey => _remoteKey;

    /// <summary>Master salt the peer sends with.</summary>
    public ReadOnlySpan<byte> RemoteMasterSalt => _remoteSalt;

    /// <summary>The peer certificate's fingerprint (it matched the expected one).</summary>
    public DtlsFingerprint RemoteFingerprint { get; }

    /// <summary>True when the extended master secret (RFC 7627) was negotiated.</summary>
    public bool ExtendedMasterSecret { get; }

    /// <summary>The TLS cipher suite number of the DTLS session.</summary>
    public int CipherSuite { get; }

    /// <summary>A context that protects what this endpoint sends.</summary>
    public SrtpContext CreateSendContext() => new SrtpContext(Profile, _localKey, _localSalt);

    /// <summary>A context that unprotects what the peer sends.</summary>
    public SrtpContext CreateReceiveContext() => new SrtpContext(Profile, _remoteKey, _remoteSalt);
}
