using System;
using System.Net;
using System.Net.Sockets;
using DkCloud.Sdk.WebRtc.Stun;
using DkCloud.Sdk.WebRtc.Turn;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Settings of an <see cref="IceAgent"/>.</summary>
internal sealed class IceAgentOptions
{
    /// <summary>
    /// Which local addresses become host candidates. Default: every non-loopback address of an up interface except
    /// IPv6 link-local ones. Tests and the local interop rig pass <see cref="IPAddress.IsLoopback"/>.
    /// </summary>
    public Func<IPAddress, bool> AddressFilter { get; set; } = DefaultFilter;

    /// <summary>Gather IPv6 host candidates too.</summary>
    public bool IncludeIPv6 { get; set; } = true;

    /// <summary>A STUN server for a server-reflexive candidate; none by default.</summary>
    public IPEndPoint? StunServer { get; set; }

    /// <summary>A TURN server and its credentials for a relayed candidate; none by default.</summary>
    public TurnClientOptions? Turn { get; set; }

    /// <summary>
    /// Gather only the relayed candidate: no host socket is opened, so host and server-reflexive paths cannot work and
    /// every check and datagram goes through the TURN server (for tests and for networks that must hide local addresses).
    /// </summary>
    public bool RelayOnly { get; set; }

    /// <summary>Ta, the pacing of new checks: RFC 8445 section 14.2 default 50 ms.</summary>
    public TimeSpan Pacing { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Retransmission of connectivity checks and STUN bindings (RFC 8489: 500 ms doubling, 7 requests).</summary>
    public StunRetransmissionOptions Retransmission { get; set; } = new StunRetransmissionOptions();

    /// <summary>
    /// Controlling side: nominate the best valid pair once no better pair is pending, or at the latest this long after
    /// the first pair became valid.
    /// </summary>
    public TimeSpan NominationDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consent freshness interval (RFC 7675 section 5.1: 5 s, randomised to 0.8-1.2 times).</summary>
    public TimeSpan ConsentInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Consent is lost after this long without an authenticated response (RFC 7675: 30 s).</summary>
    public TimeSpan ConsentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Random numbers in [0, 1) for consent jitter; replace in tests to fix the schedule.</summary>
    public Func<double> Randomizer { get; set; } = CreateRandomizer();

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (AddressFilter is null || Randomizer is null || Retransmission is null)
        {
            throw new ArgumentException("AddressFilter, Randomizer and Retransmission are required.");
        }

        Retransmission.Validate();
        Turn?.Validate();
        if (RelayOnly && Turn is null)
        {
            throw new ArgumentException("RelayOnly needs a TURN server.", nameof(RelayOnly));
        }

        if (Pacing < TimeSpan.FromMilliseconds(5) || Pacing > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Pacing));
        }

        if (ConsentInterval <= TimeSpan.Zero || ConsentTimeout <= ConsentInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(ConsentTimeout), "The consent timeout must exceed the interval.");
        }

        if (NominationDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(NominationDelay));
        }
    }

    private static bool DefaultFilter(IPAddress address) =>
        !IPAddress.IsLoopback(address) && !(address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv6LinkLocal);

    private static Func<double> CreateRandomizer()
    {
        var random = new Random();
        return () =>
        {
            lock (random)
            {
                return random.NextDouble();
            }
        };
    }
}
