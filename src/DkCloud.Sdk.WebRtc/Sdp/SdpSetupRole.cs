namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>The <c>a=setup</c> role (RFC 4145 §4, RFC 8842 for DTLS).</summary>
internal enum SdpSetupRole
{
    /// <summary>actpass: the offerer can take either role.</summary>
    ActPass,
    /// <summary>active: this side initiates (the DTLS client).</summary>
    Active,
    /// <summary>passive: this side waits (the DTLS server).</summary>
    Passive,
    /// <summary>holdconn: no connection now.</summary>
    HoldConn,
}
