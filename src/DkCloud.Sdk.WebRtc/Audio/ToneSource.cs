using System;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>A continuous sine tone: a test microphone that never runs out.</summary>
public sealed class ToneSource : IAudioSource
{
    private readonly ToneGenerator _generator;

    /// <summary>Creates a tone source.</summary>
    /// <param name="frequency">Frequency in hertz, below half the sample rate.</param>
    /// <param name="sampleRate">8000, 16000 or 48000.</param>
    /// <param name="amplitude">Peak level as a fraction of full scale, in (0, 1].</param>
    public ToneSource(double frequency, int sampleRate = 48000, double amplitude = 0.5)
    {
        _generator = new ToneGenerator(frequency, sampleRate, amplitude);
    }

    /// <summary>The tone frequency in hertz.</summary>
    public double Frequency => _generator.Frequency;

    /// <inheritdoc/>
    public int SampleRate => _generator.SampleRate;

    /// <inheritdoc/>
    public bool ReadFrame(Span<short> frame)
    {
        AudioFrames.ValidateFrame(frame.Length, SampleRate, nameof(frame));
        _generator.Fill(frame);
        return true;
    }
}
