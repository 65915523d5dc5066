namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>Which side of the DTLS handshake this endpoint plays (SDP <c>a=setup</c>, RFC 8842 section 5).</summary>
internal enum DtlsRole
{
    /// <summary>Sends the ClientHello (<c>a=setup:active</c>).</summary>
    Client,

    /// <summary>Waits for the ClientHello (<c>a=setup:passive</c>).</summary>
    Server,
}
