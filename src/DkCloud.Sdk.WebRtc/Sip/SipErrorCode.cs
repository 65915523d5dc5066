namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Why a SIP operation failed; callers switch on this, never on the message text.</summary>
public enum SipErrorCode
{
    /// <summary>The WebSocket connection could not be opened (refused, handshake failed, no <c>sip</c> subprotocol).</summary>
    ConnectionFailed,
    /// <summary>The connection was lost and reconnecting gave up, or the user agent was closed.</summary>
    TransportClosed,
    /// <summary>No final response within 64×T1 (Timer B or F), reported like a 408.</summary>
    Timeout,
    /// <summary>The credentials were refused (a fresh challenge after they were sent) or the challenge cannot be answered.</summary>
    AuthenticationFailed,
    /// <summary>The far end or a proxy answered with a final failure; see <see cref="SipException.StatusCode"/>.</summary>
    Rejected,
    /// <summary>The request was canceled before a final response.</summary>
    Canceled,
    /// <summary>The operation is not allowed in the current state (answering an ended call, a second answer…).</summary>
    InvalidState,
    /// <summary>The peer sent something this stack cannot use (a 2xx without Contact, an unusable SDP exchange…).</summary>
    ProtocolError,
}
