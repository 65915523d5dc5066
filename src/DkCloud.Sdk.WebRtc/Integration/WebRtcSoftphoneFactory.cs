using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Quality;
using Microsoft.Extensions.Logging;

namespace DkCloud.Sdk.WebRtc.Integration;

/// <summary>
/// The WebRTC softphone for <see cref="DkyClient"/>: set <see cref="DkyOptions.Softphone"/> to an instance and a
/// <see cref="ExtensionType.WebRtc"/> agent's extension registers over SIP-over-WebSocket at the address agent
/// login returns (<c>webrtcip</c>, <c>pjsipPort</c>, <c>realm</c>), with ICE, DTLS-SRTP and G.711 media.
/// </summary>
public sealed class WebRtcSoftphoneFactory : ISoftphoneFactory
{
    /// <summary>
    /// Use <c>wss://</c> for the signaling WebSocket. Default: true, except for a loopback host, where plain
    /// <c>ws://</c> is used (local test servers).
    /// </summary>
    public bool? UseSecureWebSocket { get; set; }

    /// <summary>The WebSocket path on the SIP server; <c>/</c> by default.</summary>
    public string Path { get; set; } = "/";

    /// <summary>
    /// Which local addresses media may use (ICE host candidates). When null: loopback only when the registration host
    /// is a loopback address (a local emulator or test server), otherwise every address but loopback.
    /// </summary>
    public Func<IPAddress, bool>? MediaAddressFilter { get; set; }

    /// <summary>
    /// The agent's voice: what calls send (any sample rate; resampled). Silence when null. One source serves every
    /// call of the softphones this factory makes, so use one factory per agent.
    /// </summary>
    public Audio.IAudioSource? Microphone { get; set; }

    /// <summary>What the agent hears (any sample rate; resampled), in 20 ms frames. Nothing is played when null.</summary>
    public Audio.IAudioSink? Speaker { get; set; }

    /// <summary>
    /// Where the ring tone plays while a call rings on the extension (a headset's or the PC's speaker; 450 Hz, 1 s on,
    /// 4 s off); nothing rings when null. Legs the SDK answers by itself do not ring.
    /// </summary>
    public Audio.IAudioSink? Ringer { get; set; }

    /// <summary>
    /// Where the keypad tones of digits the agent sends (<see cref="DkyClient.SendDtmfAsync"/>) play, 100 ms per digit:
    /// a headset's or the PC's speaker. Null (default): the <see cref="Speaker"/>; see <see cref="KeypadFeedback"/>.
    /// </summary>
    public Audio.IAudioSink? Keypad { get; set; }

    /// <summary>Whether digits the agent sends are played back as keypad tones (default true).</summary>
    public bool KeypadFeedback { get; set; } = true;

    /// <summary>A STUN server (UDP) for a server-reflexive candidate behind NAT, and for the preflight's UDP check; null: none.</summary>
    public IPEndPoint? StunServer { get; set; }

    /// <summary>A TURN server (UDP) for a relayed candidate where UDP to the media server is blocked; null: none.</summary>
    public IPEndPoint? TurnServer { get; set; }

    /// <summary>The TURN long-term credential's username.</summary>
    public string? TurnUsername { get; set; }

    /// <summary>The TURN long-term credential's password (never logged).</summary>
    public string? TurnPassword { get; set; }

    /// <summary>A call of a softphone made here took a quality sample (every second: jitter, loss, RTT, levels, MOS). Raised on a media thread.</summary>
    public event EventHandler<CallQualitySampleEventArgs>? QualitySampled;

    /// <summary>A call's quality crossed a threshold (RTT, jitter, loss, MOS, no packets, a dead microphone), once until it clears.</summary>
    public event EventHandler<CallQualityWarningEventArgs>? QualityWarningRaised;

    /// <summary>A call's quality warning cleared.</summary>
    public event EventHandler<CallQualityWarningEventArgs>? QualityWarningCleared;

    /// <summary>A call ended; its quality over the whole call.</summary>
    public event EventHandler<CallQualitySummary>? CallQualitySummaryReady;

    /// <summary>The clock for SIP and media timers.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where the factory logs; nothing is logged when null. Each softphone it makes logs, at Information, which Opus
    /// implementation its calls use (<see cref="OpusCodec"/>): native libopus, or the managed codec and why.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <inheritdoc />
    public ValueTask<ISoftphone> CreateAsync(SoftphoneRegistration registration, CancellationToken cancellationToken)
    {
        if (registration is null)
        {
            throw new ArgumentNullException(nameof(registration));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(registration.Host) || string.IsNullOrEmpty(registration.Port))
        {
            throw new DkyException(DkyErrorCodes.ProtocolError, "Agent login returned no WebRTC registration address (webrtcip/pjsipPort).", "extensionRegister");
        }

        LoggerFactory?.CreateLogger<WebRtcSoftphoneFactory>().LogInformation("Opus for WebRTC calls: {OpusImplementation}", OpusCodec.Describe());
        var secure = UseSecureWebSocket ?? !IsLoopback(registration.Host);
        var server = new Uri($"{(secure ? "wss" : "ws")}://{registration.Host}:{registration.Port}{(Path.StartsWith("/", StringComparison.Ordinal) ? Path : "/" + Path)}");
        var domain = string.IsNullOrEmpty(registration.Realm) ? registration.Host : registration.Realm;
        var filter = MediaAddressFilter ?? (IsLoopback(registration.Host) ? IPAddress.IsLoopback : null);
        var time = TimeProvider;
        var stun = StunServer;
        var microphone = Microphone;
        var speaker = Speaker is { } shared ? new SerializedAudioSink(shared) : null;
        var options = new SoftphoneOptions(server, domain, registration.ExtensionNumber, registration.Password)
        {
            Time = time,
            OptionsProbes = true,
            MediaOptions = () => new MediaSessionOptions { AddressFilter = filter, Time = time, Microphone = microphone, Speaker = speaker, StunServer = stun, Turn = CreateTurnOptions() },
        };
        var keypad = !KeypadFeedback ? null : Keypad is { } own ? new SerializedAudioSink(own) : speaker;
        var ringTone = Ringer is { } ringer ? new Ringer(new SerializedAudioSink(ringer), time) : null;
        return new ValueTask<ISoftphone>(new WebRtcSoftphone(new Softphone(options), time, speaker, WatchQuality, ringTone, keypad));
    }

    private void WatchQuality(MediaSession media)
    {
        media.QualitySampled += sample => QualitySampled?.Invoke(this, new CallQualitySampleEventArgs(sample));
        media.QualityWarningRaised += warning => QualityWarningRaised?.Invoke(this, warning);
        media.QualityWarningCleared += warning => QualityWarningCleared?.Invoke(this, warning);
        media.QualitySummaryReady += summary => CallQualitySummaryReady?.Invoke(this, summary);
    }

    /// <inheritdoc />
    public Task<SoftphonePreflightReport> PreflightAsync(ISoftphone? live, bool includeLoopbackCall, CancellationToken cancellationToken)
        => new SoftphonePreflight(Microphone, Speaker, StunServer, TurnServer is not null, TimeProvider).RunAsync(live, includeLoopbackCall, cancellationToken);

    private Turn.TurnClientOptions? CreateTurnOptions() => TurnServer is null
        ? null
        : new Turn.TurnClientOptions { Server = TurnServer, Username = TurnUsername ?? string.Empty, Password = TurnPassword ?? string.Empty };

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
