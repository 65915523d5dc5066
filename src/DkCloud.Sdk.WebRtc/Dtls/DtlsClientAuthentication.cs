using Org.BouncyCastle.Tls;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>The client's view of authentication: the server is checked by fingerprint, and the client presents its own certificate.</summary>
internal sealed class DtlsClientAuthentication : TlsAuthentication
{
    private readonly DtlsHandshakeState _state;
    private readonly TlsContext _context;

    /// <summary>Creates the authentication of one client handshake.</summary>
    public DtlsClientAuthentication(DtlsHandshakeState state, TlsContext context)
    {
        _state = state;
        _context = context;
    }

    /// <inheritdoc />
    public void NotifyServerCertificate(TlsServerCertificate serverCertificate) => _state.VerifyPeerCertificate(serverCertificate?.Certificate);

    /// <inheritdoc />
    public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest) => _state.CreateSigner(_context);
}
