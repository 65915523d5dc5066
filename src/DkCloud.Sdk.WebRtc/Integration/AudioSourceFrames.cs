using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Sdk.WebRtc.Integration;

/// <summary>
/// Feeds a call's media session (20 ms at 8 kHz) from an <see cref="IAudioSource"/> of any rate; silence when the
/// source has nothing. Disposing it disposes the source when the source is disposable and owned.
/// </summary>
internal sealed class AudioSourceFrames : IAudioFrameSource, IDisposable
{
    private readonly IAudioSource _source;
    private readonly PcmResampler? _resampler;
    private readonly short[] _input;

    private readonly bool _ownsSource;

    public AudioSourceFrames(IAudioSource source, bool ownsSource = false)
    {
        _ownsSource = ownsSource;
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _input = new short[AudioFrames.SamplesPerFrame(source.SampleRate)];
        _resampler = source.SampleRate == MediaSession.SampleRate ? null : new PcmResampler(source.SampleRate, MediaSession.SampleRate);
    }

    public void Read(Span<short> frame)
    {
        lock (_input)
        {
            if (!_source.ReadFrame(_input))
            {
                frame.Clear();
                return;
            }

            if (_resampler is null)
            {
                _input.AsSpan(0, frame.Length).CopyTo(frame);
            }
            else
            {
                _resampler.Process(_input, frame);
            }
        }
    }

    public void Dispose()
    {
        if (_ownsSource)
        {
            (_source as IDisposable)?.Dispose();
        }
    }
}
