using System;

namespace DkCloud.Sdk.Session;

/// <summary>A piece of work on the event worker's queue, and when it was queued (0 when nobody measures).</summary>
internal readonly struct QueuedWork
{
    public QueuedWork(Action work, long timestamp)
    {
        Work = work;
        Timestamp = timestamp;
    }

    public Action Work { get; }

    /// <summary>A <see cref="System.Diagnostics.Stopwatch"/> timestamp, or 0.</summary>
    public long Timestamp { get; }
}
