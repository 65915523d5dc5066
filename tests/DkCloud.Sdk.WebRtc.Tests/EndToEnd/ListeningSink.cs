using System;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Sdk.WebRtc.Tests.EndToEnd;

/// <summary>An 8 kHz speaker that measures what the agent hears.</summary>
internal sealed class ListeningSink : IAudioSink
{
    private long _frames;

    public int SampleRate => MediaSession.SampleRate;

    public FrequencyMeter Meter { get; } = new();

    public long Frames => Interlocked.Read(ref _frames);

    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        Meter.Write(frame);
        Interlocked.Increment(ref _frames);
    }

    /// <summary>Whether the loudest frequency now is within 15 Hz of <paramref name="frequency"/>.</summary>
    public bool Hears(double frequency) => Meter.DominantFrequency() is { } heard && Math.Abs(heard - frequency) <= 15;
}
