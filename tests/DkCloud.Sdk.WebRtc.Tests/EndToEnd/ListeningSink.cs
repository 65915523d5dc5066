using System;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Sdk.WebRtc.Tests.EndToEnd;

/// <summary>An 8 kHz speaker that measures what the agent hears.</summary>
internal sealed class ListeningSink : IAudioSink
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<double, int> _framesWith = new();
    private readonly DkCloud.Sdk.WebRtc.Codecs.ToneDetector[] _watched;
    private long _frames;

    public ListeningSink(params double[] watched)
    {
        _watched = Array.ConvertAll(watched, f => new DkCloud.Sdk.WebRtc.Codecs.ToneDetector(f, MediaSession.SampleRate));
    }

    public int SampleRate => MediaSession.SampleRate;

    public FrequencyMeter Meter { get; } = new();

    public long Frames => Interlocked.Read(ref _frames);

    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        Meter.Write(frame);
        foreach (var detector in _watched)
        {
            if (detector.IsPresent(frame))
            {
                _framesWith.AddOrUpdate(detector.Frequency, 1, (_, n) => n + 1);
            }
        }

        Interlocked.Increment(ref _frames);
    }

    /// <summary>How many 20 ms frames carried the watched <paramref name="frequency"/> so far.</summary>
    public int FramesWith(double frequency) => _framesWith.TryGetValue(frequency, out var count) ? count : 0;

    /// <summary>Whether the loudest frequency now is within 15 Hz of <paramref name="frequency"/>.</summary>
    public bool Hears(double frequency) => Meter.DominantFrequency() is { } heard && Math.Abs(heard - frequency) <= 15;
}
