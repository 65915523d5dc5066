namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Transaction states of RFC 3261 §17 with the Accepted state of RFC 6026.</summary>
internal enum SipTransactionState
{
    /// <summary>Client INVITE: request sent, nothing received.</summary>
    Calling,
    /// <summary>Non-INVITE: request sent or received, no response yet.</summary>
    Trying,
    /// <summary>A provisional response was received or sent.</summary>
    Proceeding,
    /// <summary>A 2xx to INVITE was received or sent; absorbing retransmissions (RFC 6026).</summary>
    Accepted,
    /// <summary>A final response was received or sent; absorbing retransmissions.</summary>
    Completed,
    /// <summary>Server INVITE: the ACK to a non-2xx final response arrived.</summary>
    Confirmed,
    /// <summary>Finished.</summary>
    Terminated,
}
