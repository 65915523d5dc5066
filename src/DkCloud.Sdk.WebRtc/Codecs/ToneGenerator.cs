using System;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>Produces a continuous sine tone as 16-bit PCM frames; the phase carries over from one frame to the next.</summary>
internal sealed class ToneGenerator
{
    private readonly double _phaseStep;
    private readonly double _amplitude;
    private double _phase;

    /// <summary>Creates a generator.</summary>
    /// <param name="frequency">Tone frequency in hertz, below half the sample rate.</param>
    /// <param name="sampleRate">8000, 16000 or 48000.</param>
    /// <param name="amplitude">Peak level as a fraction of full scale, in (0, 1].</param>
    public ToneGenerator(double frequency, int sampleRate, double amplitude = 0.5)
    {
        if (sampleRate != 8000 && sampleRate != 16000 && sampleRate != 48000)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), "Supported rates are 8000, 16000 and 48000 Hz.");
        }

        if (frequency <= 0 || frequency >= sampleRate / 2.0)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), "The frequency must be between 0 and half the sample rate.");
        }

        if (amplitude <= 0 || amplitude > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(amplitude), "The amplitude is a fraction of full scale in (0, 1].");
        }

        Frequency = frequency;
        SampleRate = sampleRate;
        _amplitude = amplitude * short.MaxValue;
        _phaseStep = 2 * Math.PI * frequency / sampleRate;
    }

    /// <summary>The tone frequency in hertz.</summary>
    public double Frequency { get; }

    /// <summary>The sample rate in hertz.</summary>
    public int SampleRate { get; }

    /// <summary>Fills <paramref name="frame"/> with the next samples of the tone.</summary>
    public void Fill(Span<short> frame)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Round(_amplitude * Math.Sin(_phase));
            _phase += _phaseStep;
            if (_phase >= 2 * Math.PI)
            {
                _phase -= 2 * Math.PI;
            }
        }
    }
}
