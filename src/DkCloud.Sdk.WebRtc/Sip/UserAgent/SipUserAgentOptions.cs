using System;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>Settings of a SIP user agent (one agent's phone).</summary>
internal sealed class SipUserAgentOptions
{
    /// <summary>Creates options for <paramref name="user"/> in <paramref name="domain"/>.</summary>
    public SipUserAgentOptions(string domain, string user, string password)
    {
        Domain = domain ?? throw new ArgumentNullException(nameof(domain));
        User = user ?? throw new ArgumentNullException(nameof(user));
        Password = password ?? throw new ArgumentNullException(nameof(password));
    }

    /// <summary>The SIP domain (registrar and realm host), e.g. <c>dkcloud.test</c>.</summary>
    public string Domain { get; }

    /// <summary>The extension, e.g. <c>1001</c>.</summary>
    public string User { get; }

    /// <summary>The password.</summary>
    internal string Password { get; }

    /// <summary>The digest user name when it differs from <see cref="User"/>.</summary>
    public string? AuthorizationUser { get; set; }

    /// <summary>The display name in From.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The User-Agent header.</summary>
    public string UserAgent { get; set; } = "DkCloud.Sdk.WebRtc";

    /// <summary>True to register on start (default).</summary>
    public bool Register { get; set; } = true;

    /// <summary>The requested registration expiry: 600 s.</summary>
    public int RegisterExpires { get; set; } = 600;

    /// <summary>How long before expiry the registration is refreshed: 30 s (at most half the expiry).</summary>
    public TimeSpan RegisterRefreshMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True to use RFC 5626 outbound parameters in Contact; off by default (Kamailio binds to the connection).</summary>
    public bool Outbound { get; set; }

    /// <summary>Transaction timers (T1, T2, T4).</summary>
    public SipTimerOptions Timers { get; set; } = new();

    /// <summary>True to send OPTIONS probes to the server (default).</summary>
    public bool OptionsProbes { get; set; } = true;

    /// <summary>Shortest interval between OPTIONS probes: 55 s.</summary>
    public TimeSpan OptionsProbeMinInterval { get; set; } = TimeSpan.FromSeconds(55);

    /// <summary>Longest interval between OPTIONS probes: 65 s.</summary>
    public TimeSpan OptionsProbeMaxInterval { get; set; } = TimeSpan.FromSeconds(65);

    /// <summary>Answers offers the far end makes inside a call (re-INVITE, UPDATE); without one they get 488.</summary>
    public ISipSdpAnswerer? SdpAnswerer { get; set; }

    /// <summary>
    /// Out-of-dialog requests the user agent does not handle itself (anything but INVITE, OPTIONS and the in-dialog
    /// methods, e.g. REGISTER when the user agent serves as a registrar) are offered to this handler first; it returns
    /// true when it responded. It runs under the user agent's lock and must not block.
    /// </summary>
    public Func<Transactions.SipServerRequest, bool>? RequestHandler { get; set; }

    /// <summary>Random source in [0, 1) for probe intervals; tests fix it.</summary>
    public Func<double>? Random { get; set; }

    /// <summary>The address of record, <c>sip:user@domain</c>.</summary>
    internal SipUri AddressOfRecord => new("sip", User, Domain);
}
