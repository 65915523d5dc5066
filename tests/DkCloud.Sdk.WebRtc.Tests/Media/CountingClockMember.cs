using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Sdk.WebRtc.Tests.Media;

/// <summary>A clock member that records the tick numbers it was given and can be told to throw or to run long.</summary>
internal sealed class CountingClockMember : IMediaClockMember
{
    private readonly List<long> _ticks = new();

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
        During?.Invoke(tick);
        lock (_ticks)
        {
            _ticks.Add(tick);
        }

        if (Throws)
        {
            throw new InvalidOperationException("A member that fails on every tick.");
        }
    }
}
