using System;
using System.Collections.Generic;
using System.Diagnostics;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Sdk.WebRtc.Tests.Media;

/// <summary>A clock member that records the tick numbers it was given and can be told to throw or to run long.</summary>
internal sealed class CountingClockMember : IMediaClockMember
{
    private readonly List<long> _ticks = new();
    private readonly List<(long Tick, long Start, long End)> _spans = new();

    /// <summary>Throws from every tick when set.</summary>
    public bool Throws { get; set; }

    /// <summary>Runs inside the tick, before the tick is recorded (a slow member advances a fake clock here).</summary>
    public Action<long>? During { get; set; }

    /// <summary>The tick numbers given so far, in order.</summary>
    public long[] Ticks
    {
        get
        {
            lock (_ticks)
            {
                return _ticks.ToArray();
            }
        }
    }

    /// <summary>Each tick's number and when it began and ended (<see cref="Stopwatch"/> timestamps).</summary>
    public (long Tick, long Start, long End)[] Spans
    {
        get
        {
            lock (_ticks)
            {
                return _spans.ToArray();
            }
        }
    }

    /// <summary>How many ticks it was given.</summary>
    public int Count
    {
        get
        {
            lock (_ticks)
            {
                return _ticks.Count;
            }
        }
    }

    public void OnTick(long tick)
    {
        long start = Stopwatch.GetTimestamp();
        During?.Invoke(tick);
        lock (_ticks)
        {
            _ticks.Add(tick);
            _spans.Add((tick, start, Stopwatch.GetTimestamp()));
        }

        if (Throws)
        {
            throw new InvalidOperationException("A member that fails on every tick.");
        }
    }
}
