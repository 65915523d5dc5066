namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>Who sent the INVITE.</summary>
internal enum SipCallDirection
{
    /// <summary>The far end called us.</summary>
    Incoming,
    /// <summary>We called the far end.</summary>
    Outgoing,
}
