namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>Why a call ended.</summary>
internal enum SipCallEndReason
{
    /// <summary>We sent BYE.</summary>
    LocalHangup,
    /// <summary>The far end sent BYE.</summary>
    RemoteHangup,
    /// <summary>We rejected an incoming call (486, 603…).</summary>
    Rejected,
    /// <summary>The far end or a proxy rejected our INVITE; see the status code.</summary>
    RemoteRejected,
    /// <summary>We canceled our INVITE before it was answered.</summary>
    Canceled,
    /// <summary>The caller canceled before we answered (we sent 487).</summary>
    RemoteCanceled,
    /// <summary>No ACK came for our 2xx within 64×T1; we sent BYE (RFC 3261 §13.3.1.4).</summary>
    NoAck,
    /// <summary>No final response to our INVITE within 64×T1.</summary>
    Timeout,
    /// <summary>Our credentials were refused for the INVITE.</summary>
    AuthenticationFailed,
    /// <summary>The far end sent something unusable (a 2xx without Contact…).</summary>
    ProtocolError,
    /// <summary>The user agent was stopped.</summary>
    Shutdown,
}
