namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>SIP request methods known to the stack (RFC 3261 and common extensions).</summary>
internal enum SipMethod
{
    /// <summary>A method token that is not one of the known methods; read the text from the message.</summary>
    Unknown = 0,
    /// <summary>INVITE (RFC 3261).</summary>
    Invite,
    /// <summary>ACK (RFC 3261).</summary>
    Ack,
    /// <summary>BYE (RFC 3261).</summary>
    Bye,
    /// <summary>CANCEL (RFC 3261).</summary>
    Cancel,
    /// <summary>OPTIONS (RFC 3261).</summary>
    Options,
    /// <summary>REGISTER (RFC 3261).</summary>
    Register,
    /// <summary>INFO (RFC 6086).</summary>
    Info,
    /// <summary>UPDATE (RFC 3311).</summary>
    Update,
    /// <summary>PRACK (RFC 3262).</summary>
    Prack,
    /// <summary>SUBSCRIBE (RFC 6665).</summary>
    Subscribe,
    /// <summary>NOTIFY (RFC 6665).</summary>
    Notify,
    /// <summary>REFER (RFC 3515).</summary>
    Refer,
    /// <summary>MESSAGE (RFC 3428).</summary>
    Message,
    /// <summary>PUBLISH (RFC 3903).</summary>
    Publish,
}
