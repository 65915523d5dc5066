using System.Threading;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// One slice of a <see cref="MediaClock"/> tick run on the thread pool. The clock keeps one per parallel slot and
/// reuses it every tick: ticks never overlap, so a batch is queued again only after it ran.
/// </summary>
internal sealed class MediaClockBatch
{
    private static readonly WaitCallback RunCallback = static state => ((MediaClockBatch)state!).Run();

    private readonly MediaClock _clock;
    private IMediaClockMember[]? _members;
    private int _start;
    private int _end;
    private long _tick;

    public MediaClockBatch(MediaClock clock) => _clock = clock;

    /// <summary>Queues members [<paramref name="start"/>, <paramref name="end"/>) for tick <paramref name="tick"/>.</summary>
    public void Queue(IMediaClockMember[] members, int start, int end, long tick)
    {
        _members = members;
        _start = start;
        _end = end;
        _tick = tick;

        // No execution context: the work belongs to the clock, not to whoever joined it.
        ThreadPool.UnsafeQueueUserWorkItem(RunCallback, this);
    }

    private void Run()
    {
        IMediaClockMember[] members = _members!;
        _members = null;
        _clock.RunMembers(members, _start, _end, _tick);
        _clock.BatchDone();
    }
}
