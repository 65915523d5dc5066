using System;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>A DTLS-SRTP handshake failed; <see cref="Error"/> says why.</summary>
internal sealed class DtlsHandshakeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DtlsHandshakeException(DtlsHandshakeError error, string message, short? alert = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Alert = alert;
    }

    /// <summary>The failure kind.</summary>
    public DtlsHandshakeError Error { get; }

    /// <summary>The TLS alert description sent or received, when there was one (RFC 5246 section 7.2).</summary>
    public short? Alert { get; }
}
