using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sip.Transport;

/// <summary>Settings of the SIP-over-WebSocket transport.</summary>
internal sealed class SipTransportOptions
{
    /// <summary>The server, <c>ws://</c> or <c>wss://</c> (a transport address, not a SIP URI).</summary>
    public Uri ServerUri { get; set; } = new("ws://127.0.0.1:5066/");

    /// <summary>The WebSocket subprotocol, <c>sip</c> (RFC 7118 §4).</summary>
    public string SubProtocol { get; set; } = "sip";

    /// <summary>Extra HTTP headers of the opening handshake (Origin, tokens…).</summary>
    public IDictionary<string, string> HandshakeHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one connection attempt may take: 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Client-side WebSocket keep-alive interval: 30 s (server pings are answered regardless).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First reconnect delay: 1 s, doubling per attempt.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay: 30 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Jitter of each delay: ±30 %.</summary>
    public double ReconnectJitter { get; set; } = 0.3;

    /// <summary>Reconnect attempts before giving up: 10.</summary>
    public int ReconnectMaxAttempts { get; set; } = 10;

    /// <summary>Messages kept while disconnected; older ones are dropped beyond this: 256.</summary>
    public int SendQueueLimit { get; set; } = 256;

    /// <summary>Largest accepted SIP message: 64 KiB.</summary>
    public int MaxMessageSize { get; set; } = 65_536;
}
