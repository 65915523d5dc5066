using System;
using System.Threading;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// One tick of a <see cref="MediaClock"/>, shared out between workers: each takes the next few members from a cursor
/// until none are left, and whoever completes the last member ends the tick. A worker that starts only after that finds
/// nothing left and does nothing: it never waits for the others, nor they for it, and it cannot touch a later tick.
/// </summary>
internal sealed class MediaClockTick
{
    private static readonly WaitCallback WorkCallback = static state => ((MediaClockTick)state!).Work();

    private readonly MediaClock _clock;
    private readonly IMediaClockMember[] _members;
    private readonly int _chunkSize;
    private int _cursor;
    private int _done;

    public MediaClockTick(MediaClock clock, IMediaClockMember[] members, long number, int chunkSize)
    {
        _clock = clock;
        _members = members;
        Number = number;
        _chunkSize = Math.Max(1, chunkSize);
    }

    /// <summary>The tick's number.</summary>
    public long Number { get; }

    /// <summary>Queues <paramref name="workers"/> thread-pool workers besides the caller's.</summary>
    public void QueueWorkers(int workers)
    {
        for (int i = 0; i < workers; i++)
        {
            // No execution context: the work belongs to the clock, not to whoever joined it.
            ThreadPool.UnsafeQueueUserWorkItem(WorkCallback, this);
        }
    }

    /// <summary>Ticks members until none are left to take; ends the tick when it completed the last one.</summary>
    public void Work()
    {
        while (true)
        {
            int start = Interlocked.Add(ref _cursor, _chunkSize) - _chunkSize;
            if (start >= _members.Length)
            {
                return;
            }

            int end = Math.Min(_members.Length, start + _chunkSize);
            _clock.RunMembers(_members, start, end, Number);
            if (Interlocked.Add(ref _done, end - start) == _members.Length)
            {
                _clock.EndTick(this);
                return;
            }
        }
    }
}
