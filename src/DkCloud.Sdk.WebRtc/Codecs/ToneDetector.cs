using System;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>
/// Goertzel filter for one frequency: measures the level of a tone in a 16-bit PCM frame and decides whether it is
/// present (loud enough and carrying most of the frame's power).
/// </summary>
internal sealed class ToneDetector
{
    private readonly double _coefficient;
    private readonly double _cosine;
    private readonly double _sine;

    /// <summary>Creates a detector.</summary>
    /// <param name="frequency">Frequency to look for, in hertz.</param>
    /// <param name="sampleRate">Sample rate of the frames, in hertz.</param>
    /// <param name="minimumDbfs">Softest tone reported as present.</param>
    /// <param name="minimumShareOfPower">Smallest share of the frame's power the tone must carry to be present.</param>
    public ToneDetector(double frequency, int sampleRate, double minimumDbfs = -30, double minimumShareOfPower = 0.5)
    {
        if (sampleRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate));
        }

        if (frequency <= 0 || frequency >= sampleRate / 2.0)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), "The frequency must be between 0 and half the sample rate.");
        }

        Frequency = frequency;
        SampleRate = sampleRate;
        MinimumDbfs = minimumDbfs;
        MinimumShareOfPower = minimumShareOfPower;
        double omega = 2 * Math.PI * frequency / sampleRate;
        _cosine = Math.Cos(omega);
        _sine = Math.Sin(omega);
        _coefficient = 2 * _cosine;
    }

    /// <summary>The frequency looked for.</summary>
    public double Frequency { get; }

    /// <summary>The sample rate of the frames.</summary>
    public int SampleRate { get; }

    /// <summary>Softest tone reported as present, in dBFS.</summary>
    public double MinimumDbfs { get; }

    /// <summary>Smallest share of power the tone must carry.</summary>
    public double MinimumShareOfPower { get; }

    /// <summary>Measures the tone in <paramref name="frame"/>.</summary>
    public ToneLevel Measure(ReadOnlySpan<short> frame)
    {
        if (frame.IsEmpty)
        {
            return new ToneLevel(0, 0);
        }

        double previous = 0;
        double beforePrevious = 0;
        double energy = 0;
        for (int i = 0; i < frame.Length; i++)
        {
            double x = frame[i] / 32768.0;
            energy += x * x;
            double current = x + (_coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        return LevelFrom(previous, beforePrevious, energy, frame.Length);
    }

    /// <summary>The Goertzel feedback coefficient, 2 cos(2π f / rate), for callers that run several filters in one pass.</summary>
    internal double Coefficient => _coefficient;

    /// <summary>
    /// The level from the filter's last two states after a frame of <paramref name="length"/> samples whose
    /// <paramref name="energy"/> (sum of squares, full scale 1) is given: the end of <see cref="Measure"/>.
    /// </summary>
    internal ToneLevel LevelFrom(double previous, double beforePrevious, double energy, int length)
    {
        double real = previous - (beforePrevious * _cosine);
        double imaginary = beforePrevious * _sine;
        double magnitude = Math.Sqrt((real * real) + (imaginary * imaginary));
        double amplitude = 2 * magnitude / length;

        // A sine of peak A has mean power A^2 / 2; compare that with the frame's mean power.
        double tonePower = amplitude * amplitude / 2;
        double meanPower = energy / length;
        double share = meanPower > 0 ? Math.Min(1, tonePower / meanPower) : 0;
        return new ToneLevel(amplitude, share);
    }

    /// <summary>True when the tone is at least <see cref="MinimumDbfs"/> loud and carries enough of the frame's power.</summary>
    public bool IsPresent(ReadOnlySpan<short> frame)
    {
        ToneLevel level = Measure(frame);
        return level.Amplitude > 0 && level.Dbfs >= MinimumDbfs && level.ShareOfPower >= MinimumShareOfPower;
    }
}
