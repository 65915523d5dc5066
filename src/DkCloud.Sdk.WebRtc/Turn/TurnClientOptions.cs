using System;
using System.Net;
using System.Net.Security;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>Settings of a <see cref="TurnClient"/> (RFC 8656: UDP, TCP or TLS to the server).</summary>
internal sealed class TurnClientOptions
{
    /// <summary>The TURN server's address.</summary>
    public IPEndPoint? Server { get; set; }

    /// <summary>UDP (default), TCP or TLS over TCP to the server.</summary>
    public TurnTransport Transport { get; set; } = TurnTransport.Udp;

    /// <summary>
    /// Over TLS: the name the server's certificate must carry (the SNI host name too); default: the server's IP
    /// address in text form.
    /// </summary>
    public string? ServerName { get; set; }

    /// <summary>
    /// Over TLS: checks the server's certificate instead of the default validation (chain and name), for example to
    /// pin the certificate of a private server. Null (default): the platform's validation.
    /// </summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }

    /// <summary>Over TCP a request fails after this long without an answer (RFC 8489 section 6.2.2: 39.5 s).</summary>
    public TimeSpan StreamTransactionTimeout { get; set; } = TimeSpan.FromMilliseconds(39500);

    /// <summary>The long-term credential username.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The long-term credential password.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>The local address to bind; default: the wildcard address of the server's family, ephemeral port.</summary>
    public IPEndPoint? LocalEndPoint { get; set; }

    /// <summary>Request retransmission over UDP (RFC 8489: 500 ms doubling, 7 requests).</summary>
    public StunRetransmissionOptions Retransmission { get; set; } = new StunRetransmissionOptions();

    /// <summary>The allocation lifetime to ask for; the server may grant another. RFC 8656 default 10 minutes.</summary>
    public TimeSpan RequestedLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Permissions (and channels) are refreshed this often; permissions last 5 minutes (RFC 8656 section 9).</summary>
    public TimeSpan PermissionRefreshInterval { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>Bind a channel to each peer once it is used, so data travels as 4-byte-header ChannelData instead of 36-byte Send/Data indications.</summary>
    public bool UseChannels { get; set; } = true;

    /// <summary>
    /// When the allocation is lost (the server answers 437 because it restarted or the allocation expired, a refresh
    /// goes unanswered, or the TCP/TLS connection breaks), allocate again this many times at most: the first attempt
    /// at once, the next ones after <see cref="ReallocationDelay"/>, doubling. 0 reports the loss as
    /// <see cref="TurnClient.Failed"/> at once. Default 4 (at once, then after 1, 2 and 4 s).
    /// </summary>
    public int ReallocationAttempts { get; set; } = 4;

    /// <summary>The wait before the second re-allocation attempt; it doubles for each further one (at most a minute).</summary>
    public TimeSpan ReallocationDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws when a value is missing or out of range.</summary>
    public void Validate()
    {
        if (Server is null)
        {
            throw new ArgumentException("A TURN server address is required.", nameof(Server));
        }

        if (Username is null || Password is null || Retransmission is null)
        {
            throw new ArgumentException("Username, Password and Retransmission are required.");
        }

        Retransmission.Validate();
        if (RequestedLifetime < TimeSpan.FromMinutes(1) || RequestedLifetime > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(RequestedLifetime));
        }

        if (StreamTransactionTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StreamTransactionTimeout));
        }

        if (ReallocationAttempts < 0 || ReallocationAttempts > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(ReallocationAttempts));
        }

        if (ReallocationDelay <= TimeSpan.Zero || ReallocationDelay > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(ReallocationDelay));
        }

        if (PermissionRefreshInterval <= TimeSpan.Zero || PermissionRefreshInterval >= TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(PermissionRefreshInterval), "Permissions expire after 5 minutes.");
        }
    }
}
