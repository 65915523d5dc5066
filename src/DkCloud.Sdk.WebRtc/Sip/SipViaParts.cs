namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Where the parts of one via-parm are inside a message.</summary>
internal struct SipViaParts
{
    /// <summary>Protocol name, normally <c>SIP</c>.</summary>
    public SipSegment Protocol;

    /// <summary>Protocol version, normally <c>2.0</c>.</summary>
    public SipSegment Version;

    /// <summary>Transport token (UDP, TCP, TLS, SCTP, WS, WSS or an extension).</summary>
    public SipSegment Transport;

    /// <summary>The sent-by host.</summary>
    public SipSegment Host;

    /// <summary>The sent-by port; -1 when absent.</summary>
    public int Port;
}
