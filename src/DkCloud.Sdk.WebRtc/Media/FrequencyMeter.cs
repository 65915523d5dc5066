using System;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// Keeps the last 2048 received samples and answers "which frequency is loudest" with a bank of Goertzel filters
/// (<see cref="ToneDetector"/>) from 50 Hz to 3950 Hz in 5 Hz steps. Meant for tests and diagnostics.
/// </summary>
internal sealed class FrequencyMeter
{
    private const int Capacity = 2048;
    private const int Window = 1024;
    private const int Lowest = 50;
    private const int Highest = 3950;
    private const int Step = 5;
    private static readonly Lazy<ToneDetector[]> Bank = new(CreateBank);
    private readonly short[] _ring = new short[Capacity];
    private readonly object _gate = new();
    private int _next;
    private long _written;

    /// <summary>Samples written so far.</summary>
    public long SamplesWritten
    {
        get { lock (_gate) { return _written; } }
    }

    /// <summary>Appends decoded samples.</summary>
    public void Write(ReadOnlySpan<short> samples)
    {
        lock (_gate)
        {
            foreach (short sample in samples)
            {
                _ring[_next] = sample;
                _next = (_next + 1) % Capacity;
            }

            _written += samples.Length;
        }
    }

    /// <summary>
    /// The frequency (Hz, 5 Hz steps) with the highest amplitude over the last 128 ms, or null when fewer samples have
    /// arrived or the signal is below -40 dBFS.
    /// </summary>
    public double? DominantFrequency()
    {
        short[] window = Snapshot();
        if (window.Length < Window)
        {
            return null;
        }

        double best = 0;
        ToneDetector? winner = null;
        foreach (ToneDetector detector in Bank.Value)
        {
            double amplitude = detector.Measure(window).Amplitude;
            if (amplitude > best)
            {
                best = amplitude;
                winner = detector;
            }
        }

        return winner is not null && 20 * Math.Log10(best) > -40 ? winner.Frequency : null;
    }

    /// <summary>Whether a tone of <paramref name="frequency"/> dominates the last 128 ms.</summary>
    public bool IsHearing(double frequency)
    {
        short[] window = Snapshot();
        return window.Length == Window && new ToneDetector(frequency, MediaSession.SampleRate).IsPresent(window);
    }

    private short[] Snapshot()
    {
        lock (_gate)
        {
            if (_written < Window)
            {
                return Array.Empty<short>();
            }

            var window = new short[Window];
            int start = (_next - Window + Capacity) % Capacity;
            for (int i = 0; i < Window; i++)
            {
                window[i] = _ring[(start + i) % Capacity];
            }

            return window;
        }
    }

    private static ToneDetector[] CreateBank()
    {
        var bank = new ToneDetector[((Highest - Lowest) / Step) + 1];
        for (int i = 0; i < bank.Length; i++)
        {
            bank[i] = new ToneDetector(Lowest + (i * Step), MediaSession.SampleRate);
        }

        return bank;
    }
}
