using System;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// The speaker socket of a <see cref="MediaSession"/>: takes each played 20 ms frame at the decoder's rate, feeds the
/// session's <see cref="FrequencyMeter"/> (at 8 kHz) and writes the frame to whichever speaker is plugged in,
/// resampled once to its rate. Without a speaker the frame only goes to the meter.
/// </summary>
/// <remarks><see cref="Switch"/> may be called from any thread while the media thread writes.</remarks>
internal sealed class PlayoutTap : IAudioSink
{
    private readonly FrequencyMeter _meter;
    private readonly PcmResampler? _toMeter;
    private readonly short[]? _meterFrame;
    private SinkRoute? _route;

    /// <summary>Creates the tap for frames at <paramref name="sampleRate"/>.</summary>
    public PlayoutTap(int sampleRate, FrequencyMeter meter, IAudioSink? speaker)
    {
        AudioFrames.ValidateRate(sampleRate, nameof(sampleRate));
        SampleRate = sampleRate;
        _meter = meter ?? throw new ArgumentNullException(nameof(meter));
        if (sampleRate != MediaSession.SampleRate)
        {
            _toMeter = new PcmResampler(sampleRate, MediaSession.SampleRate);
            _meterFrame = new short[MediaSession.FrameSamples];
        }

        _route = speaker is null ? null : new SinkRoute(speaker, sampleRate);
    }

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <summary>The speaker plugged in, or null.</summary>
    public IAudioSink? Current => Volatile.Read(ref _route)?.Sink;

    /// <summary>Plugs in <paramref name="speaker"/> (null: none); the next frame goes to it.</summary>
    /// <returns>The speaker plugged in before, or null.</returns>
    public IAudioSink? Switch(IAudioSink? speaker)
    {
        if (speaker is not null)
        {
            AudioFrames.ValidateRate(speaker.SampleRate, nameof(speaker));
        }

        return Interlocked.Exchange(ref _route, speaker is null ? null : new SinkRoute(speaker, SampleRate))?.Sink;
    }

    /// <inheritdoc/>
    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        AudioFrames.ValidateFrame(frame.Length, SampleRate, nameof(frame));
        if (_toMeter is null)
        {
            _meter.Write(frame);
        }
        else
        {
            _toMeter.Process(frame, _meterFrame);
            _meter.Write(_meterFrame);
        }

        Volatile.Read(ref _route)?.Write(frame);
    }
}
