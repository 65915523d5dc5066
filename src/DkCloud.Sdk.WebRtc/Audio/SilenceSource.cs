using System;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>A source of digital silence: the null microphone.</summary>
public sealed class SilenceSource : IAudioSource
{
    /// <summary>Creates a silence source at <paramref name="sampleRate"/>.</summary>
    public SilenceSource(int sampleRate = 48000)
    {
        AudioFrames.ValidateRate(sampleRate, nameof(sampleRate));
        SampleRate = sampleRate;
    }

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <inheritdoc/>
    public bool ReadFrame(Span<short> frame)
    {
        AudioFrames.ValidateFrame(frame.Length, SampleRate, nameof(frame));
        frame.Clear();
        return true;
    }
}
