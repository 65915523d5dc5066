using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Emulator.Media;

/// <summary>What a simulated party (a customer) hears: its loudest frequency now, its level, and a WAV recording when asked for.</summary>
internal sealed class PartyHearing : IDisposable
{
    private readonly object _gate = new();
    private readonly FrequencyMeter _meter = new();
    private readonly WavFileSink? _recording;
    private double _level;
    private long _frames;

    public PartyHearing(string? recordingPath)
    {
        if (!string.IsNullOrEmpty(recordingPath))
        {
            _recording = new WavFileSink(recordingPath, MediaSession.SampleRate);
        }
    }

    public void Write(ReadOnlySpan<short> frame)
    {
        double sum = 0;
        foreach (var sample in frame)
        {
            sum += (double)sample * sample;
        }

        _meter.Write(frame);
        lock (_gate)
        {
            _level = Math.Sqrt(sum / frame.Length) / short.MaxValue;
            _frames++;
            _recording?.WriteFrame(frame);
        }
    }

    /// <summary>The state now.</summary>
    public EmulatorHearing Snapshot()
    {
        lock (_gate)
        {
            return new EmulatorHearing
            {
                DominantFrequency = _meter.DominantFrequency(),
                Level = _level,
                Frames = _frames,
            };
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _recording?.Dispose();
        }
    }
}
