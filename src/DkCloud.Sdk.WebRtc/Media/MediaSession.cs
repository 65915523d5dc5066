using System;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Ice;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// The media of one call: one audio line over ICE, DTLS-SRTP and RTP. It makes the SDP offer or answer (Opus
/// preferred, then G.711, telephone-event), applies the remote description, starts DTLS once ICE has selected a pair,
/// then runs the call's <see cref="AudioMediaStream"/> every 20 ms: the microphone (<see cref="MediaSessionOptions.Microphone"/>
/// or <see cref="MediaSessionOptions.Source"/>) is encoded and sent, received RTP goes through the adaptive jitter
/// buffer (FEC, loss concealment) to the speaker (<see cref="MediaSessionOptions.Speaker"/> or
/// <see cref="MediaSessionOptions.Sink"/>) and to <see cref="Heard"/>. DTMF goes both ways (RFC 4733 or in-band), and a
/// quality monitor samples the call every second. Offers inside the call (re-INVITE, UPDATE) are answered through
/// <see cref="ISipSdpAnswerer"/>.
/// </summary>
/// <remarks>
/// Thread-safe. Locks are taken in one order: the media clock's, the audio stream's, then the session's; events are
/// raised outside them.
/// </remarks>
internal sealed partial class MediaSession : ISipSdpAnswerer, IDisposable
{
    /// <summary>The rate of <see cref="IAudioFrameSource"/>, <see cref="IAudioFrameSink"/> and <see cref="Heard"/>: 8 kHz.</summary>
    public const int SampleRate = 8000;

    /// <summary>Samples in one 20 ms frame at <see cref="SampleRate"/>.</summary>
    public const int FrameSamples = 160;

    private readonly object _gate = new();
    private readonly MediaSessionOptions _options;
    private readonly DtlsCertificate _certificate;
    private readonly TaskCompletionSource<DtlsSrtpKeys> _secure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _closing = new();
    private IceAgent? _agent;
    private DtlsSrtpTransport? _dtls;
    private bool _disposed;

    /// <summary>Creates an idle session; <see cref="CreateOfferAsync"/> or <see cref="CreateAnswerAsync"/> starts it.</summary>
    public MediaSession(MediaSessionOptions? options = null)
    {
        _options = options ?? new MediaSessionOptions();
        _certificate = DtlsCertificate.Generate(_options.Time);
        _microphone = _options.Microphone ?? new FrameSourceAdapter(_options.Source);
        _speaker = _options.Speaker ?? (_options.Sink is null ? null : new FrameSinkAdapter(_options.Sink));
        _ = _secure.Task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>ICE selected (or changed) the candidate pair media flows on.</summary>
    public event Action<IceCandidatePair>? PairSelected;

    /// <summary>The DTLS handshake finished; SRTP keys are in place.</summary>
    public event Action<SrtpProfile>? SecureMediaReady;

    /// <summary>The first authenticated RTP packet arrived.</summary>
    public event Action? FirstPacketReceived;

    /// <summary>The DTLS handshake failed, or ICE lost consent on the selected pair (RFC 7675): no media flows.</summary>
    public event Action<Exception>? Failed;

    /// <summary>Packet counters: RTP packets of the negotiated payload types (audio, CN, telephone-event), SRTCP, drops.</summary>
    public MediaCounters Counters { get; } = new();

    /// <summary>The frequency analysis of what we hear: every frame played out, at 8 kHz.</summary>
    public FrequencyMeter Heard { get; } = new();

    /// <summary>Our certificate's fingerprint (a=fingerprint).</summary>
    public DtlsFingerprint LocalFingerprint => _certificate.Fingerprint;

    /// <summary>Completes with the SRTP keys once DTLS is done; fails when the handshake fails.</summary>
    public Task<DtlsSrtpKeys> WhenSecure => _secure.Task;

    /// <summary>The local SDP last produced (offer or answer).</summary>
    public string? LocalSdp { get; private set; }

    /// <summary>The remote SDP last applied.</summary>
    public string? RemoteSdp { get; private set; }

    /// <summary>The pair ICE selected, or null.</summary>
    public IceCandidatePair? SelectedPair => _agent?.SelectedPair;

    /// <summary>Our DTLS role once the remote description fixed it.</summary>
    public DtlsRole? DtlsRole { get; private set; }

    /// <summary>
    /// The negotiated audio payload type we send (0 PCMU, 8 PCMA, or Opus's dynamic type, 111 in our offers), or null
    /// before negotiation; <see cref="Codec"/> names it.
    /// </summary>
    public int? PayloadType { get; private set; }

    /// <summary>The ICE agent, once created.</summary>
    internal IceAgent? Agent => _agent;

    /// <summary>The DTLS-SRTP association, once the ICE agent is created.</summary>
    internal DtlsSrtpTransport? DtlsTransport => _dtls;

    /// <summary>
    /// Stops the session: no more sending or receiving; raises <see cref="QualitySummaryReady"/> with the call's
    /// quality; closes the sockets.
    /// </summary>
    public void Dispose()
    {
        IceAgent? agent;
        DtlsSrtpTransport? dtls;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            agent = _agent;
            dtls = _dtls;
        }

        StopSending();
        _closing.Cancel();
        StopAudio();
        EndQuality();
        _closing.Dispose();
        dtls?.Dispose();
        agent?.Dispose();
        _secure.TrySetException(new ObjectDisposedException(nameof(MediaSession)));
        DisposeContexts();
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(MediaSession));
        }
    }

    private void Fail(Exception error)
    {
        if (_secure.TrySetException(error))
        {
            Failed?.Invoke(error);
        }
    }

    private void CreateAgent(IceRole role)
    {
        var iceOptions = new IceAgentOptions { IncludeIPv6 = _options.IncludeIPv6, StunServer = _options.StunServer, Turn = _options.Turn };
        if (_options.AddressFilter is not null)
        {
            iceOptions.AddressFilter = _options.AddressFilter;
        }

        var agent = new IceAgent(role, iceOptions, _options.Time);
        _dtls = new DtlsSrtpTransport(agent, _certificate, _options.Dtls, _options.Time);
        agent.DatagramHandler = OnDatagram;
        agent.SelectedPairChanged += OnSelectedPairChanged;
        agent.ConsentLost += (_, args) => Failed?.Invoke(new InvalidOperationException("ICE consent lost on " + args.Pair + "."));
        _agent = agent;
    }

    private void OnDatagram(MediaPacketKind kind, Span<byte> datagram, System.Net.IPEndPoint remote)
    {
        switch (kind)
        {
            case MediaPacketKind.Dtls:
                _dtls?.Deliver(datagram);
                break;
            case MediaPacketKind.Rtp:
                ReceiveRtp(datagram);
                break;
            case MediaPacketKind.Rtcp:
                ReceiveRtcp(datagram);
                break;
            default:
                Counters.OnDropped();
                break;
        }
    }
}
