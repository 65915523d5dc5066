using System;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio.Dtmf;
using DkCloud.Sdk.WebRtc.Rtp;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>
/// One call's audio: every 20 ms (a <see cref="TimeProvider"/> timer) it reads the microphone socket, applies mute,
/// resamples to the codec, encodes and hands an RTP packet to the transport (or a DTMF event packet instead), then
/// pulls a frame from the jitter buffer, resamples it and writes it to the speaker socket. Received RTP goes to
/// <see cref="ReceiveRtp(System.ReadOnlySpan{byte})"/> from the transport's thread. Devices live in the sockets, so a device switch never touches
/// the codec, the RTP state or mute.
/// </summary>
/// <remarks>
/// Thread-safe: the tick and <see cref="ReceiveRtp(System.ReadOnlySpan{byte})"/> share one lock held only for in-memory work; the send callback
/// is invoked under it and must not block (hand the packet to SRTP and the socket's queue).
/// </remarks>
internal sealed partial class AudioMediaStream : IDisposable
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);
    private readonly object _gate = new();
    private readonly AudioStreamSettings _settings;
    private readonly IAudioSource _source;
    private readonly IAudioSink _sink;
    private readonly Action<ReadOnlyMemory<byte>> _sendRtp;
    private readonly TimeProvider _time;
    private readonly JitterBuffer _jitterBuffer;
    private readonly TelephoneEventSender? _eventSender;
    private readonly TelephoneEventReceiver? _eventReceiver;
    private readonly PcmResampler? _captureResampler;
    private readonly PcmResampler? _playoutResampler;
    private readonly short[] _captured;
    private readonly short[] _encoderFrame;
    private readonly short[] _decoded;
    private readonly short[] _playout;
    private readonly byte[] _packet;
    private ITimer? _timer;
    private ushort _sequence;
    private uint _timestamp;
    private uint _eventTimestamp;
    private bool _talkspurt = true;
    private int _muted;
    private int _sending = 1;
    private bool _disposed;

    /// <summary>Creates a stream; call <see cref="Start"/> to run it.</summary>
    /// <param name="settings">What offer/answer settled; the stream owns its encoder and decoder and disposes them.</param>
    /// <param name="source">
    /// The microphone socket, usually a <see cref="SwitchableAudioSource"/>; its rate must not change. When it runs at
    /// the encoder's rate no resampling happens here.
    /// </param>
    /// <param name="sink">The speaker socket, usually a <see cref="SwitchableAudioSink"/>; its rate must not change.</param>
    /// <param name="sendRtp">Takes each RTP packet; called under the stream's lock, must not block.</param>
    /// <param name="time">The clock of the 20 ms timer and of arrival times.</param>
    public AudioMediaStream(AudioStreamSettings settings, IAudioSource source, IAudioSink sink, Action<ReadOnlyMemory<byte>> sendRtp, TimeProvider time)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _sendRtp = sendRtp ?? throw new ArgumentNullException(nameof(sendRtp));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _jitterBuffer = new JitterBuffer(settings.Decoder, settings.JitterBuffer, time.TimestampFrequency, settings.ComfortNoisePayloadType);
        _receiveStatistics = new RtpReceiveStatistics(settings.Decoder.ClockRate, time.TimestampFrequency);
        AudioFrames.ValidateRate(source.SampleRate, nameof(source));
        AudioFrames.ValidateRate(sink.SampleRate, nameof(sink));
        if (settings.TelephoneEventPayloadType is not null)
        {
            _eventSender = new TelephoneEventSender(settings.TelephoneEventClockRate, settings.DtmfDuration, settings.DtmfGap);
            _eventReceiver = new TelephoneEventReceiver(settings.TelephoneEventClockRate, OnDigit);
        }
        else
        {
            _inBandDigits = new System.Collections.Concurrent.ConcurrentQueue<char>();
        }

        _captured = new short[AudioFrames.SamplesPerFrame(source.SampleRate)];
        _encoderFrame = new short[settings.Encoder.FrameSamples];
        _decoded = new short[settings.Decoder.FrameSamples];
        _playout = new short[AudioFrames.SamplesPerFrame(sink.SampleRate)];
        _captureResampler = source.SampleRate != settings.Encoder.SampleRate ? new PcmResampler(source.SampleRate, settings.Encoder.SampleRate) : null;
        _playoutResampler = sink.SampleRate != settings.Decoder.SampleRate ? new PcmResampler(settings.Decoder.SampleRate, sink.SampleRate) : null;
        _packet = new byte[12 + Math.Max(settings.Encoder.MaxPayloadSize, TelephoneEvent.Size)];
        _sequence = settings.InitialSequence;
        _timestamp = settings.InitialTimestamp;
        _inBandDetector = new DtmfToneDetector(settings.Decoder.SampleRate);
    }

    /// <summary>Raised on the receive or media thread for each DTMF digit the far end sent (RFC 4733 or in-band).</summary>
    public event Action<DtmfDigitEvent>? DigitReceived;

    /// <summary>Mute of the send path: silence is encoded and sent, whatever device is plugged in.</summary>
    public bool IsMuted
    {
        get => Volatile.Read(ref _muted) != 0;
        set => Volatile.Write(ref _muted, value ? 1 : 0);
    }

    /// <summary>
    /// Whether the negotiated direction lets us send. While false (hold) the source is not read and nothing is sent;
    /// the RTP timestamp keeps advancing and the first packet after it carries the marker bit. Queued DTMF waits.
    /// </summary>
    public bool IsSending
    {
        get => Volatile.Read(ref _sending) != 0;
        set => Volatile.Write(ref _sending, value ? 1 : 0);
    }

    /// <summary>What offer/answer settled for this stream.</summary>
    public AudioStreamSettings Settings => _settings;

    /// <summary>The sequence number of the next packet we send.</summary>
    public ushort NextSequence
    {
        get { lock (_gate) { return _sequence; } }
    }

    /// <summary>The RTP timestamp of the next frame we send.</summary>
    public uint NextTimestamp
    {
        get { lock (_gate) { return _timestamp; } }
    }

    /// <summary>Playout counters; read under the stream's lock through <see cref="ReadCounters"/> for consistent values.</summary>
    public JitterBufferStatistics JitterBufferStatistics => _jitterBuffer.Statistics;

    /// <summary>Starts the 20 ms timer.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(AudioMediaStream));
            }

            _timer ??= _time.CreateTimer(static state => ((AudioMediaStream)state!).Tick(), this, FrameInterval, FrameInterval);
        }
    }

    /// <summary>Runs one 20 ms step by hand (send one frame, play one frame), for callers that own the clock.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            SendFrame();
            PlayFrame();
        }
    }

    /// <summary>
    /// Accounts for <paramref name="frames"/> frames that were never sent (the caller's thread stalled): the RTP
    /// timestamp moves on so the far end sees the real elapsed time, without a burst of stale audio.
    /// </summary>
    public void SkipFrames(int frames)
    {
        if (frames <= 0)
        {
            return;
        }

        lock (_gate)
        {
            _timestamp += (uint)(frames * _settings.Encoder.FrameTimestampSpan);
        }
    }

    /// <summary>Queues DTMF digits: RFC 4733 packets when negotiated, dual tones in the audio otherwise.</summary>
    public void SendDtmf(string digits)
    {
        if (_eventSender is not null)
        {
            _eventSender.Enqueue(digits);
            return;
        }

        EnqueueInBand(digits);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ITimer? timer;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            timer = _timer;
            _timer = null;

            // The stream owns its codecs; native ones hold unmanaged state. Every use is under this lock and checks
            // _disposed first, so none is running or will run.
            (_settings.Encoder as IDisposable)?.Dispose();
            (_settings.Decoder as IDisposable)?.Dispose();
        }

        timer?.Dispose();
    }

    private void SendFrame()
    {
        int span = _settings.Encoder.FrameTimestampSpan;
        if (!IsSending)
        {
            _timestamp += (uint)span;
            _talkspurt = true;
            return;
        }

        bool haveAudio = _source.ReadFrame(_captured);
        RecordInput(_captured, haveAudio);
        if (IsMuted)
        {
            Array.Clear(_captured, 0, _captured.Length);
        }

        if (_captureResampler is null)
        {
            _captured.AsSpan().CopyTo(_encoderFrame);
        }
        else
        {
            _captureResampler.Process(_captured, _encoderFrame);
        }

        MixInBandDigit(_encoderFrame);
        if (_eventSender is not null && TrySendEvent())
        {
            _timestamp += (uint)span;
            return;
        }

        int length = _settings.Encoder.Encode(_encoderFrame, _packet.AsSpan(12));
        if (length > 0)
        {
            RtpHeaderWriter.Write(_packet, _talkspurt, _settings.PayloadType, _sequence++, _timestamp, _settings.Ssrc);
            _talkspurt = false;
            Send(12 + length);
        }
        else
        {
            _talkspurt = true;
        }

        _timestamp += (uint)span;
    }

    private bool TrySendEvent()
    {
        if (!_eventSender!.TryWriteNext(_packet.AsSpan(12), out int length, out bool marker, out bool starts))
        {
            return false;
        }

        if (starts)
        {
            // The event's timestamp is the audio clock at its start, scaled to the telephone-event rate.
            _eventTimestamp = (uint)((ulong)_timestamp * (ulong)_settings.TelephoneEventClockRate / (ulong)_settings.Encoder.ClockRate);
        }

        RtpHeaderWriter.Write(_packet, marker, _settings.TelephoneEventPayloadType!.Value, _sequence++, _eventTimestamp, _settings.Ssrc);
        _talkspurt = true;
        Send(12 + length);
        return true;
    }

    private void Send(int length)
    {
        Interlocked.Increment(ref _packetsSent);
        _sendRtp(new ReadOnlyMemory<byte>(_packet, 0, length));
    }

    private void PlayFrame()
    {
        _jitterBuffer.Pull(_decoded);
        DetectInBandDigit(_decoded);
        if (_playoutResampler is null)
        {
            _decoded.AsSpan().CopyTo(_playout);
        }
        else
        {
            _playoutResampler.Process(_decoded, _playout);
        }

        RecordOutput(_playout);
        _sink.WriteFrame(_playout);
    }

}
