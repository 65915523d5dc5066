using System;
using System.Collections.Concurrent;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Audio.Dtmf;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// The call's audio pipeline (<see cref="AudioMediaStream"/>): built when offer/answer settles the codec, rebuilt when
/// a later offer changes it; devices plugged into its sockets switch without touching codec, RTP state or mute.
/// </summary>
internal sealed partial class MediaSession
{
    private readonly object _audioGate = new();
    private readonly ConcurrentQueue<DtmfDigitEvent> _digits = new();
    private AudioMediaStream? _stream;
    private AudioCodecChoice? _choice;
    private SwitchableAudioSource? _microphoneSocket;
    private PlayoutTap? _speakerSocket;
    private IAudioSource _microphone;
    private IAudioSink? _speaker;
    private AudioStreamCounters _countersBefore;
    private long _microphoneSwitches;
    private bool _muted;

    /// <summary>
    /// A DTMF digit from the far end: RFC 4733 events when telephone-event was negotiated, tones detected in the audio
    /// otherwise. Raised on the media clock's thread, in order, outside every lock; the clock ticks every session on the
    /// same <see cref="MediaSessionOptions.Time"/>, so a handler must return quickly.
    /// </summary>
    public event Action<DtmfDigitEvent>? DigitReceived;

    /// <summary>The codec and payload types offer/answer settled, or null before.</summary>
    public AudioCodecChoice? Negotiated
    {
        get { lock (_audioGate) { return _choice; } }
    }

    /// <summary>The encoding name of the codec we send (opus, PCMU, PCMA), or null before negotiation.</summary>
    public string? Codec => Negotiated?.EncodingName;

    /// <summary>The microphone plugged in now.</summary>
    public IAudioSource Microphone
    {
        get { lock (_audioGate) { return _microphone; } }
    }

    /// <summary>The speaker plugged in now, or null (the far end is then only measured by <see cref="Heard"/>).</summary>
    public IAudioSink? Speaker
    {
        get { lock (_audioGate) { return _speaker; } }
    }

    /// <summary>How many times <see cref="SwitchMicrophone"/> changed the source.</summary>
    public long MicrophoneSwitches => Interlocked.Read(ref _microphoneSwitches);

    /// <summary>A copy of the jitter buffer's counters (lost, concealed, FEC-recovered, delay), or null before negotiation.</summary>
    public JitterBufferStatistics? JitterBufferStatistics => Volatile.Read(ref _stream)?.JitterBufferStatistics.Snapshot();

    /// <summary>
    /// Plugs in another microphone; the next frame sent comes from it (resampled when its rate differs from the
    /// codec's), so the far end hears it within one frame. <see cref="Muted"/> is left as it is.
    /// </summary>
    /// <returns>The microphone plugged in before; its owner disposes it.</returns>
    public IAudioSource SwitchMicrophone(IAudioSource microphone)
    {
        if (microphone is null)
        {
            throw new ArgumentNullException(nameof(microphone));
        }

        AudioFrames.ValidateRate(microphone.SampleRate, nameof(microphone));
        lock (_audioGate)
        {
            IAudioSource previous = _microphone;
            _microphone = microphone;
            _microphoneSocket?.Switch(microphone);
            Interlocked.Increment(ref _microphoneSwitches);
            return previous;
        }
    }

    /// <summary>Plugs in another speaker (null: none); the next frame played goes to it.</summary>
    /// <returns>The speaker plugged in before, or null; its owner disposes it.</returns>
    public IAudioSink? SwitchSpeaker(IAudioSink? speaker)
    {
        if (speaker is not null)
        {
            AudioFrames.ValidateRate(speaker.SampleRate, nameof(speaker));
        }

        lock (_audioGate)
        {
            IAudioSink? previous = _speaker;
            _speaker = speaker;
            _speakerSocket?.Switch(speaker);
            return previous;
        }
    }

    /// <summary>
    /// Sends DTMF digits (0-9, *, #, A-D): RFC 4733 telephone-event packets when negotiated (100 ms each, 60 ms apart),
    /// dual tones in the audio otherwise. Digits queue behind each other and wait while the call is on hold.
    /// </summary>
    /// <exception cref="InvalidOperationException">No codec has been negotiated yet.</exception>
    /// <exception cref="ArgumentException">A character is not a DTMF digit.</exception>
    public void SendDtmf(string digits)
    {
        if (digits is null)
        {
            throw new ArgumentNullException(nameof(digits));
        }

        AudioMediaStream stream = Volatile.Read(ref _stream) ?? throw new InvalidOperationException("No audio codec has been negotiated yet.");
        stream.SendDtmf(digits);
    }

    /// <summary>Builds the audio stream for <paramref name="choice"/>, unless it is already running with it.</summary>
    private void ApplyAudio(AudioCodecChoice choice)
    {
        lock (_audioGate)
        {
            if (_closing.IsCancellationRequested || choice.Equals(_choice))
            {
                return;
            }

            AudioMediaStream? previous = _stream;
            AudioStreamSettings settings = CreateSettings(choice, previous);
            var microphone = new SwitchableAudioSource(_microphone, settings.Encoder.SampleRate);
            var speaker = new PlayoutTap(settings.Decoder.SampleRate, Heard, _speaker);
            var stream = new AudioMediaStream(settings, microphone, speaker, SendRtp, _options.Time)
            {
                IsMuted = _muted,
                IsSending = _sendAllowed,
            };
            stream.DigitReceived += _digits.Enqueue;
            if (previous is not null)
            {
                _countersBefore = _countersBefore.Then(previous.ReadCounters());
                previous.Dispose();
            }

            _microphoneSocket = microphone;
            _speakerSocket = speaker;
            _choice = choice;
            PayloadType = choice.SendPayloadType;
            Volatile.Write(ref _stream, stream);
            Volatile.Read(ref _monitor)?.SetCodec(choice.EncodingName);
        }
    }

    private AudioStreamSettings CreateSettings(AudioCodecChoice choice, AudioMediaStream? previous)
        => choice.CreateSettings(
            _ssrc,
            _options.JitterBuffer,

            // RFC 3550 §5.1: random at the start; a codec change carries on with the same SSRC, sequence and clock.
            previous?.NextSequence ?? (ushort)RandomUInt32(),
            previous?.NextTimestamp ?? RandomUInt32());

    private void StopAudio()
    {
        AudioMediaStream? stream;
        lock (_audioGate)
        {
            stream = _stream;
            if (stream is not null)
            {
                _countersBefore = _countersBefore.Then(stream.ReadCounters());
            }

            Volatile.Write(ref _stream, null);
        }

        stream?.Dispose();
    }

    private void RaiseDigits()
    {
        while (_digits.TryDequeue(out DtmfDigitEvent digit))
        {
            DigitReceived?.Invoke(digit);
        }
    }
}
