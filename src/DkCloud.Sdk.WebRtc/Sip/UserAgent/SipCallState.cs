namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>Where a call stands.</summary>
internal enum SipCallState
{
    /// <summary>Incoming: 180 Ringing sent, waiting for answer or reject.</summary>
    Ringing,
    /// <summary>Outgoing: INVITE sent, no provisional response yet.</summary>
    Calling,
    /// <summary>Outgoing: a provisional response (180/183) arrived.</summary>
    Proceeding,
    /// <summary>Incoming: 200 OK sent, waiting for the ACK.</summary>
    Answering,
    /// <summary>The dialog is confirmed: media flows.</summary>
    Established,
    /// <summary>BYE or CANCEL sent, waiting for the far end.</summary>
    Terminating,
    /// <summary>Over.</summary>
    Ended,
}
