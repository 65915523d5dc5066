namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>How the client reaches the TURN server (the relayed transport toward peers is UDP either way).</summary>
internal enum TurnTransport
{
    /// <summary>UDP: requests are retransmitted, ChannelData is not padded.</summary>
    Udp,

    /// <summary>TCP: messages are framed by their own length fields, ChannelData is padded to four bytes (RFC 8656 section 12.5).</summary>
    Tcp,

    /// <summary>TLS over TCP (RFC 8656 section 3.1): the TCP framing inside a TLS session with the server.</summary>
    Tls,
}
