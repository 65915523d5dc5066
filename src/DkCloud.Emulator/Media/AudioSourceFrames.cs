using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Emulator.Media;

/// <summary>
/// A simulated party's voice for the call bridge (20 ms at 8 kHz) from an <see cref="IAudioSource"/> of any rate (a
/// WAV file); silence when the source has nothing. It owns the source and disposes it.
/// </summary>
internal sealed class AudioSourceFrames : IAudioFrameSource, IDisposable
{
    private readonly IAudioSource _source;
    private readonly PcmResampler? _resampler;
    private readonly short[] _input;

    public AudioSourceFrames(IAudioSource source)
    {
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

    public void Dispose() => (_source as IDisposable)?.Dispose();
}
