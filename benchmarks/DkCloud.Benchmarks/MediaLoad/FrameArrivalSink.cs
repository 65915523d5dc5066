using System;
using System.Diagnostics;
using System.Threading;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Benchmarks.MediaLoad;

/// <summary>
/// Counts the decoded frames one media session hands over while a measurement window is open, and keeps the
/// longest time without a frame, the window's edges included: a stream that stops shows as one long gap.
/// </summary>
internal sealed class FrameArrivalSink : IAudioFrameSink
{
    private readonly long _gapThresholdTicks;
    private int _measuring;
    private long _frames;
    private long _last;
    private long _longestGap;
    private long _gaps;

    /// <param name="gapThreshold">A pause between two frames longer than this counts as an audio gap.</param>
    public FrameArrivalSink(TimeSpan gapThreshold) => _gapThresholdTicks = (long)(gapThreshold.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Frames received while the window was open.</summary>
    public long Frames => Volatile.Read(ref _frames);

    /// <summary>The longest time without a frame inside the window.</summary>
    public TimeSpan LongestGap => TimeSpan.FromSeconds(Volatile.Read(ref _longestGap) / (double)Stopwatch.Frequency);

    /// <summary>Pauses longer than the threshold inside the window.</summary>
    public long Gaps => Volatile.Read(ref _gaps);

    /// <summary>Opens the window at <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Open(long timestamp)
    {
        Volatile.Write(ref _frames, 0);
        Volatile.Write(ref _longestGap, 0);
        Volatile.Write(ref _gaps, 0);
        Volatile.Write(ref _last, timestamp);
        Volatile.Write(ref _measuring, 1);
    }

    /// <summary>Closes the window at <paramref name="timestamp"/>; the time since the last frame counts as a gap too.</summary>
    public void Close(long timestamp)
    {
        if (Interlocked.Exchange(ref _measuring, 0) != 0)
        {
            Note(timestamp - Volatile.Read(ref _last));
        }
    }

    public void Write(ReadOnlySpan<short> frame)
    {
        if (Volatile.Read(ref _measuring) == 0)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        Note(now - Interlocked.Exchange(ref _last, now));
        Interlocked.Increment(ref _frames);
    }

    private void Note(long gap)
    {
        if (gap > _gapThresholdTicks)
        {
            Interlocked.Increment(ref _gaps);
        }

        long longest;
        while (gap > (longest = Volatile.Read(ref _longestGap)) && Interlocked.CompareExchange(ref _longestGap, gap, longest) != longest)
        {
        }
    }
}
