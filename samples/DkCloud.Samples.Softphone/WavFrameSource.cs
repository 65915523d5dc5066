using System;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Samples.Softphone;

/// <summary>Plays 8 kHz mono samples in a loop.</summary>
internal sealed class WavFrameSource : IAudioFrameSource
{
    private readonly short[] _samples;
    private int _position;

    public WavFrameSource(short[] samples)
    {
        if (samples.Length == 0)
        {
            throw new ArgumentException("The voice file has no samples.", nameof(samples));
        }

        _samples = samples;
    }

    public void Read(Span<short> frame)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = _samples[_position];
            _position = (_position + 1) % _samples.Length;
        }
    }
}
