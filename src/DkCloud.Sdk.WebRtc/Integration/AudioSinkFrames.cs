using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Sdk.WebRtc.Integration;

/// <summary>
/// Hands what a call's media session decodes (8 kHz, any packet size) to an <see cref="IAudioSink"/> of any rate in
/// whole 20 ms frames.
/// </summary>
internal sealed class AudioSinkFrames : IAudioFrameSink
{
    private readonly IAudioSink _sink;
    private readonly PcmResampler? _resampler;
    private readonly short[] _pending = new short[MediaSession.FrameSamples];
    private readonly short[] _output;
    private int _count;

    public AudioSinkFrames(IAudioSink sink)
    {
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _output = new short[AudioFrames.SamplesPerFrame(sink.SampleRate)];
        _resampler = sink.SampleRate == MediaSession.SampleRate ? null : new PcmResampler(MediaSession.SampleRate, sink.SampleRate);
    }

    public void Write(ReadOnlySpan<short> frame)
    {
        lock (_pending)
        {
            while (!frame.IsEmpty)
            {
                int take = Math.Min(frame.Length, _pending.Length - _count);
                frame.Slice(0, take).CopyTo(_pending.AsSpan(_count));
                _count += take;
                frame = frame.Slice(take);
                if (_count < _pending.Length)
                {
                    continue;
                }

                _count = 0;
                if (_resampler is null)
                {
                    _sink.WriteFrame(_pending);
                }
                else
                {
                    _resampler.Process(_pending, _output);
                    _sink.WriteFrame(_output);
                }
            }
        }
    }
}
