namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Which transaction timer expired without the expected message.</summary>
internal enum SipTransactionTimeout
{
    /// <summary>Timer B: no final response to an INVITE within 64×T1 (report 408).</summary>
    TimerB,
    /// <summary>Timer F: no final response to a non-INVITE request within 64×T1 (report 408).</summary>
    TimerF,
    /// <summary>Timer H: no ACK for a non-2xx final response within 64×T1.</summary>
    TimerH,
    /// <summary>RFC 3261 §13.3.1.4: no ACK for a 2xx within 64×T1; the UAS should send BYE.</summary>
    AckForSuccess,
}
