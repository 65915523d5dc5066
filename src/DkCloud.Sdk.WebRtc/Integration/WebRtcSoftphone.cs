using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.Registration;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;

namespace DkCloud.Sdk.WebRtc.Integration;

/// <summary>
/// The <see cref="ISoftphone"/> of a WebRTC extension: the SIP user agent's registration, the ringing call that
/// <see cref="DkyClient.AnswerAsync"/> picks up (waiting briefly when the server's ring push came before the INVITE),
/// the mute of the call's send path, and the signaling connection's losses and recoveries.
/// </summary>
internal sealed class WebRtcSoftphone : ISoftphone
{
    /// <summary>How long <see cref="AnswerAsync"/> waits for an INVITE the server announced.</summary>
    public static readonly TimeSpan RingWait = TimeSpan.FromSeconds(5);

    private readonly Softphone _phone;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly PromptPlayer? _prompts;
    private readonly PromptPlayer? _keypad;
    private readonly Ringer? _ringer;
    private CancellationTokenSource? _ringTone;
    private readonly CancellationTokenSource _closing = new();
    private TaskCompletionSource<SoftphoneCall> _nextRing = NewRing();
    private SoftphoneCall? _ringing;
    private SoftphoneCall? _current;
    private bool _muted;
    private bool _signalingLost;
    private int _disposed;
    private int _stopping;

    public WebRtcSoftphone(Softphone phone, TimeProvider time, Audio.IAudioSink? speaker = null, Action<MediaSession>? watchMedia = null, Ringer? ringer = null, Audio.IAudioSink? keypad = null)
    {
        _ringer = ringer;
        if (watchMedia is not null)
        {
            phone.IncomingCall += call => watchMedia(call.Media);
            phone.OutgoingCall += call => watchMedia(call.Media);
        }

        _phone = phone;
        _time = time;
        _prompts = speaker is null ? null : new PromptPlayer(speaker, time);
        _keypad = keypad is null ? null : new PromptPlayer(keypad, time);
        _phone.IncomingCall += OnIncomingCall;
        _phone.ReconnectAttempt += attempt => Raise(SoftphoneSignalingState.Reconnecting, attempt, null);
        _phone.Agent.Disconnected += OnDisconnected;
        _phone.Agent.TransportFailed += error => Raise(SoftphoneSignalingState.Failed, 0, error.Message);
        _phone.Agent.RegistrationStateChanged += OnRegistrationStateChanged;
        _phone.Agent.OptionsProbe += probe => Probed?.Invoke(this, new SoftphoneProbeEventArgs(
            probe.State == SipOptionsProbeState.Succeeded, probe.SentAt, probe.ReceivedAt, probe.StatusCode is int code ? "SIP " + code.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }

    public event EventHandler<SoftphoneSignalingEventArgs>? SignalingChanged;

    public event EventHandler<SoftphoneProbeEventArgs>? Probed;

    /// <summary>The call in progress on the extension (answered), or null.</summary>
    internal SoftphoneCall? CurrentCall
    {
        get { lock (_gate) { return _current; } }
    }

    /// <summary>The softphone underneath.</summary>
    internal Softphone Phone => _phone;

    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _phone.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SipException error)
        {
            string status = error.StatusCode is int code ? " (SIP " + code.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : string.Empty;
            throw new DkyException(DkyErrorCodes.SoftphoneRegistrationFailed, "The WebRTC extension could not register" + status + ": " + error.Message, "extensionRegister", error);
        }
    }

    public Task UnregisterAsync(CancellationToken cancellationToken)
    {
        // Closing the connection on purpose is not a signaling loss.
        Volatile.Write(ref _stopping, 1);
        return _phone.StopAsync(cancellationToken);
    }

    public async Task AnswerAsync(CancellationToken cancellationToken)
    {
        SoftphoneCall? call = TakeRinging(out Task<SoftphoneCall> next);
        if (call is null)
        {
            try
            {
                await next.WaitAsync(RingWait, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Nothing rings on the extension: the server answers the leg itself (IP-phone style) or it already ended.
                return;
            }

            call = TakeRinging(out _);
            if (call is null)
            {
                return;
            }
        }

        lock (_gate)
        {
            _current = call;
            call.Media.Muted = _muted;
            StopRingToneLocked();
        }

        await _phone.AnswerAsync(call, cancellationToken).ConfigureAwait(false);
    }

    public async Task HangupAsync(CancellationToken cancellationToken)
    {
        SoftphoneCall? call;
        lock (_gate)
        {
            call = _current;
            _current = null;
        }

        if (call is not null && !call.WhenEnded.IsCompleted)
        {
            try
            {
                await call.HangupAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SipException)
            {
                // The server ended it first; the dialog is gone either way.
            }
        }
    }

    public async Task<TimeSpan?> ProbeAsync(CancellationToken cancellationToken)
    {
        var probe = await _phone.Agent.ProbeServerAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return probe.State == SipOptionsProbeState.Succeeded ? probe.Delay : null;
    }

    public void Play(SoftphonePrompt prompt, Uri? custom)
    {
        if (_prompts is not null && Volatile.Read(ref _disposed) == 0)
        {
            _ = PlayQuietlyAsync(_prompts, prompt, custom);
        }
    }

    public void PlayKeypad(string digits)
    {
        if (_keypad is { } keypad && Volatile.Read(ref _disposed) == 0)
        {
            _ = PlayKeypadQuietlyAsync(keypad, digits);
        }
    }

    public void SetMuted(bool muted)
    {
        lock (_gate)
        {
            _muted = muted;
            if (_current is { } call)
            {
                call.Media.Muted = muted;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Volatile.Write(ref _stopping, 1);
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _closing.Cancel();
            lock (_gate)
            {
                StopRingToneLocked();
            }

            _phone.IncomingCall -= OnIncomingCall;
            _phone.Dispose();
        }

        return default;
    }

    private async Task PlayKeypadQuietlyAsync(PromptPlayer player, string digits)
    {
        try
        {
            await player.PlayKeypadAsync(digits, _closing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The softphone closed while it played.
        }
    }

    private async Task PlayQuietlyAsync(PromptPlayer player, SoftphonePrompt prompt, Uri? custom)
    {
        try
        {
            await player.PlayAsync(prompt, custom, _closing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The softphone closed while it played.
        }
    }

    private void StartRingTone()
    {
        if (_ringer is null)
        {
            return;
        }

        CancellationTokenSource stop;
        lock (_gate)
        {
            StopRingToneLocked();
            stop = new CancellationTokenSource();
            _ringTone = stop;
        }

        _ = _ringer.RingAsync(stop.Token);
    }

    private void StopRingToneLocked()
    {
        if (_ringTone is { } stop)
        {
            _ringTone = null;
            stop.Cancel();
            stop.Dispose();
        }
    }

    private static TaskCompletionSource<SoftphoneCall> NewRing() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SoftphoneCall? TakeRinging(out Task<SoftphoneCall> next)
    {
        lock (_gate)
        {
            var call = _ringing;
            _ringing = null;
            if (call is not null && call.WhenEnded.IsCompleted)
            {
                call = null;
            }

            next = _nextRing.Task;
            if (next.IsCompleted)
            {
                _nextRing = NewRing();
            }

            return call;
        }
    }

    private void OnIncomingCall(SoftphoneCall call)
    {
        TaskCompletionSource<SoftphoneCall> ring;
        lock (_gate)
        {
            _ringing = call;
            ring = _nextRing;
            _nextRing = NewRing();
        }

        StartRingTone();

        _ = call.WhenEnded.ContinueWith(
            _ =>
            {
                lock (_gate)
                {
                    if (_ringing == call)
                    {
                        _ringing = null;
                        StopRingToneLocked();
                    }

                    if (_current == call)
                    {
                        _current = null;
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        ring.TrySetResult(call);
    }

    private void OnDisconnected(Exception? error)
    {
        if (Volatile.Read(ref _stopping) != 0)
        {
            return;
        }

        lock (_gate)
        {
            _signalingLost = true;
        }

        Raise(SoftphoneSignalingState.Lost, 0, error?.Message);
    }

    private void OnRegistrationStateChanged(SipRegistrationStateChangedEventArgs args)
    {
        if (args.State != SipRegistrationState.Registered)
        {
            return;
        }

        lock (_gate)
        {
            if (!_signalingLost)
            {
                return;
            }

            _signalingLost = false;
        }

        Raise(SoftphoneSignalingState.Reconnected, 0, null);
    }

    private void Raise(SoftphoneSignalingState state, int attempt, string? detail) =>
        SignalingChanged?.Invoke(this, new SoftphoneSignalingEventArgs(state, attempt, detail));
}
