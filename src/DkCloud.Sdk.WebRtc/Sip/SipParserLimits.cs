namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Size limits applied by the SIP parser. Each default states where it comes from.</summary>
public sealed class SipParserLimits
{
    /// <summary>The defaults, shared; do not modify.</summary>
    internal static readonly SipParserLimits Default = new();

    /// <summary>
    /// Largest accepted message in bytes. Default 65,535: the largest UDP datagram, which RFC 3261 §18.1.1 uses as
    /// the bound for a SIP message on a message transport; RFC 7118 carries one message per WebSocket message.
    /// </summary>
    public int MaxMessageSize { get; set; } = 65_535;

    /// <summary>Longest start line in bytes. Default 8,192: nginx's and Kestrel's request-line limit.</summary>
    public int MaxStartLineLength { get; set; } = 8_192;

    /// <summary>
    /// Longest header field in bytes, name and folded continuation lines included. Default 8,192: nginx's
    /// <c>large_client_header_buffers</c> line size, which RFC 4475 §3.1.1.7's long values stay well under.
    /// </summary>
    public int MaxHeaderLength { get; set; } = 8_192;

    /// <summary>Most header fields per message. Default 100: Apache's <c>LimitRequestFields</c>, also Kestrel's.</summary>
    public int MaxHeaderCount { get; set; } = 100;
}
