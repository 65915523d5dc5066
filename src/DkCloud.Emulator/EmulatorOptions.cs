using System;
using Microsoft.Extensions.Logging;

namespace DkCloud.Emulator;

/// <summary>Settings of a <see cref="DkCloudEmulator"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The TCP port to listen on (on 127.0.0.1 only); 0 picks a free ephemeral port.</summary>
    public int Port { get; set; }

    /// <summary>How long an agent's own phone rings before it picks up by itself (outbound agent leg, monitor leg of a listen-in).</summary>
    public TimeSpan AgentAnswerDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a default customer rings before answering.</summary>
    public TimeSpan CustomerAnswerDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long an inbound or transferred call rings at an agent, and an outbound call at a customer, before it gives up.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The after-call work time in seconds, reported as <c>wrapupTime</c> on the agent's <c>HANGUP</c>.</summary>
    public int WrapupSeconds { get; set; } = 5;

    /// <summary>The clock every delay and timestamp of the emulator goes through.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the emulator logs; <see langword="null"/> logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Whether to create the demo project, agents and extensions at start (project <c>10010010010</c>, token <c>demo-token</c>).</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// Chaos mode: when set, the emulator aborts a random logged-in agent's socket at random times with this mean
    /// interval (uniform between half and one and a half of it), keeping the agent's session and call, as a
    /// network blip would. Null (default): off.
    /// </summary>
    public TimeSpan? ChaosDropInterval { get; set; }

    /// <summary>Seed of chaos mode's random choices, so that a failing run can be repeated.</summary>
    public int ChaosSeed { get; set; } = 1;

    /// <summary>Where agents' WebRTC extensions register, as agent login reports it (<c>webrtcip</c>).</summary>
    public string WebRtcHost { get; set; } = "127.0.0.1";

    /// <summary>The SIP realm of WebRTC extensions, as agent login reports it (<c>realm</c>).</summary>
    public string WebRtcRealm { get; set; } = "127.0.0.1";

    /// <summary>
    /// The SIP WebSocket port of WebRTC extensions, as agent login reports it (<c>pjsipPort</c>). 0 (default): the
    /// emulator's own SIP server (registrar, calls with real media) on its HTTP port, path <c>/</c>, subprotocol
    /// <c>sip</c>; any other port points extensions at an outside SIP server (e.g. Kamailio), where calls carry no
    /// audio from the emulator.
    /// </summary>
    public int WebRtcPort { get; set; }

    /// <summary>
    /// The clock of the emulator's SIP timers and media (ICE, DTLS, 20 ms audio frames). Real time by default: media
    /// runs over real sockets even when <see cref="TimeProvider"/> is a test's fake clock.
    /// </summary>
    public TimeProvider MediaTimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Stamps every push that carries a <c>data</c> object with <c>data.emulatorSentAt</c>: the
    /// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> at which the emulator hands the message to its socket,
    /// as a decimal string. Off by default (the pushes are then exactly the document's). A client on the same machine
    /// subtracts it from its own <c>Stopwatch</c> reading to get the latency from the emulator's send to its handler:
    /// the monotonic clock behind <c>Stopwatch</c> is one for all processes of a machine (CLOCK_MONOTONIC on Linux,
    /// QueryPerformanceCounter on Windows).
    /// </summary>
    public bool StampPushes { get; set; }
}
