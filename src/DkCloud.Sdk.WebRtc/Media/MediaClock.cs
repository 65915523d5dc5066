using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// The 20 ms clock every media session on the same <see cref="TimeProvider"/> shares: one timer ticks all of its
/// members, instead of one timer (and one thread-pool work item every 20 ms) per session. The timer runs only while
/// the clock has members: the first to join starts it, the last to leave stops it.
/// </summary>
/// <remarks>
/// <para>
/// Ticks are numbered from the clock's creation: tick n is due <c>n</c> intervals after it. A member takes the tick
/// due next as its start (<see cref="NextTick"/>) and counts its frames from there, so every member's frames fall due
/// on the clock's ticks, and the clock's own number is all a member needs to know how many frames are due.
/// </para>
/// <para>
/// Late ticks: the timer is armed once per tick, for the next tick's instant, and only when the tick before has
/// finished, so a slow tick never piles up ticks nor overlaps the next one. A tick that runs late carries the number
/// of the latest tick due, having skipped the numbers it missed, and runs at once if the next one is due already;
/// members catch the skipped frames up from the number (a media session sends up to a few at once and beyond that
/// moves its RTP timestamp on by the frames it skips, so the far end sees the real time that passed).
/// </para>
/// <para>
/// Members are kept in an array that is replaced on every join and leave (under a lock); a tick reads it without one.
/// A member that left may still be ticked once by a tick that had already started. A member that throws is counted in
/// <see cref="Faults"/> and the others are ticked all the same.
/// </para>
/// <para>
/// A tick is shared out between the timer's thread and, when there are more members than one
/// <see cref="ChunkSize"/>, up to one thread-pool worker per further processor: each takes the next few members from a
/// shared cursor until none are left, so the work spreads over the cores (a session that encodes Opus at 48 kHz costs
/// about half a millisecond a tick, and one core would not tick a few dozen in 20 ms) and a worker that starts late,
/// or a core another process holds, only leaves more of the tick to the others (<see cref="MediaClockTick"/>). Whoever
/// completes the tick's last member arms the timer for the next tick.
/// </para>
/// </remarks>
internal sealed class MediaClock
{
    /// <summary>The frame interval: 20 ms.</summary>
    public static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Members a worker takes from the tick at a time; a tick with more is shared out between workers.</summary>
    public const int ChunkSize = 4;

    /// <summary>
    /// How early a timer may wake and still run the tick it was armed for. A system timer counts coarser time than the
    /// high-resolution clock the ticks are numbered by (on Linux the kernel's tick, on Windows about 16 ms), so it can
    /// wake a few milliseconds before that clock says the tick is due; without the tolerance the tick would do nothing
    /// and the next one would carry two frames.
    /// </summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(5);

    private const int Idle = 0;
    private const int Armed = 1;
    private const int Ticking = 2;

    private static readonly ConditionalWeakTable<TimeProvider, MediaClock> Clocks = new();

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long _interval;
    private readonly long _tolerance;
    private readonly int _chunkSize;
    private readonly int _maxWorkers;
    private readonly ITimer _timer;
    private IMediaClockMember[] _members = Array.Empty<IMediaClockMember>();
    private int _state = Idle;
    private long _ticksRun;
    private long _faults;

    /// <summary>Creates a clock; <see cref="For"/> gives the one shared by every session on a provider.</summary>
    /// <param name="time">The clock's time.</param>
    /// <param name="interval">The tick interval.</param>
    /// <param name="chunkSize">Members a worker takes at a time.</param>
    /// <param name="maxWorkers">The most threads a tick runs on at once (the timer's included).</param>
    internal MediaClock(TimeProvider time, TimeSpan interval, int chunkSize, int maxWorkers)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _interval = interval.Ticks;
        _tolerance = Math.Min(Tolerance.Ticks, interval.Ticks / 4);
        _chunkSize = Math.Max(1, chunkSize);
        _maxWorkers = Math.Max(1, maxWorkers);
        _origin = time.GetTimestamp();

        // The timer lives as long as the provider and belongs to no caller: it must not carry the execution context
        // (async locals) of whichever session happened to create the clock.
        bool suppress = !ExecutionContext.IsFlowSuppressed();
        AsyncFlowControl flow = suppress ? ExecutionContext.SuppressFlow() : default;
        try
        {
            _timer = time.CreateTimer(static s => ((MediaClock)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            if (suppress)
            {
                flow.Undo();
            }
        }
    }

    /// <summary>Members now.</summary>
    public int Count => Volatile.Read(ref _members).Length;

    /// <summary>True while the timer is armed or a tick runs: from the first join until the last leave.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _state != Idle;
            }
        }
    }

    /// <summary>Ticks run so far.</summary>
    public long TicksRun => Interlocked.Read(ref _ticksRun);

    /// <summary>Member ticks that threw.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>The clock every media session on <paramref name="time"/> shares.</summary>
    public static MediaClock For(TimeProvider time)
    {
        if (time is null)
        {
            throw new ArgumentNullException(nameof(time));
        }

        return Clocks.GetValue(time, static t => new MediaClock(t, FrameInterval, ChunkSize, Environment.ProcessorCount));
    }

    /// <summary>The number of the latest tick due by now (reads the clock).</summary>
    public long CurrentTick() => TickAt(_time.GetElapsedTime(_origin).Ticks);

    /// <summary>
    /// The number of the first tick due at or after now (reads the clock): a member that starts counting frames from it
    /// has its first frame due one interval later, on a tick, and at least one interval (less <see cref="Tolerance"/>)
    /// from now.
    /// </summary>
    public long NextTick()
    {
        long elapsed = _time.GetElapsedTime(_origin).Ticks;
        return (elapsed + _interval - 1) / _interval;
    }

    /// <summary>Adds a member; it is ticked from the next tick on. Starts the timer when it is the first.</summary>
    public void Join(IMediaClockMember member)
    {
        if (member is null)
        {
            throw new ArgumentNullException(nameof(member));
        }

        // Read outside the lock: a fake clock runs due timers on the thread that reads it.
        long elapsed = _time.GetElapsedTime(_origin).Ticks;
        lock (_gate)
        {
            IMediaClockMember[] members = _members;
            if (Array.IndexOf(members, member) >= 0)
            {
                return;
            }

            var joined = new IMediaClockMember[members.Length + 1];
            Array.Copy(members, joined, members.Length);
            joined[members.Length] = member;
            Volatile.Write(ref _members, joined);
            if (_state == Idle)
            {
                _state = Armed;
                ArmLocked(TickAt(elapsed) + 1, elapsed);
            }
        }
    }

    /// <summary>Removes a member; no tick that starts later runs it. Stops the timer when it was the last.</summary>
    public void Leave(IMediaClockMember member)
    {
        lock (_gate)
        {
            IMediaClockMember[] members = _members;
            int index = Array.IndexOf(members, member);
            if (index < 0)
            {
                return;
            }

            var left = new IMediaClockMember[members.Length - 1];
            Array.Copy(members, 0, left, 0, index);
            Array.Copy(members, index + 1, left, index, left.Length - index);
            Volatile.Write(ref _members, left);

            // A tick that runs now stops the timer itself when it ends (see EndTick).
            if (left.Length == 0 && _state == Armed)
            {
                _state = Idle;
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnTimer()
    {
        IMediaClockMember[] members;
        lock (_gate)
        {
            // Stopped (or re-armed) after this callback was already on its way: the armed timer will come.
            if (_state != Armed)
            {
                return;
            }

            _state = Ticking;
            members = _members;
        }

        var tick = new MediaClockTick(this, members, CurrentTick(), _chunkSize);
        if (members.Length == 0)
        {
            EndTick(tick);
            return;
        }

        int workers = (int)Math.Min(_maxWorkers, (members.Length + (long)_chunkSize - 1) / _chunkSize);
        tick.QueueWorkers(workers - 1);
        tick.Work();
    }

    /// <summary>Ticks members, each on its own: one that throws does not keep the rest from their tick.</summary>
    internal void RunMembers(IMediaClockMember[] members, int start, int end, long tick)
    {
        for (int i = start; i < end; i++)
        {
            try
            {
                members[i].OnTick(tick);
            }
#pragma warning disable CA1031 // A member's failure is its own; the clock goes on for the others.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _faults);
            }
        }
    }

    /// <summary>Every member has had <paramref name="tick"/>: arms the timer for the next one, or stops.</summary>
    internal void EndTick(MediaClockTick tick)
    {
        Interlocked.Increment(ref _ticksRun);
        long elapsed = _time.GetElapsedTime(_origin).Ticks;
        lock (_gate)
        {
            if (_members.Length == 0)
            {
                _state = Idle;
                return;
            }

            _state = Armed;
            ArmLocked(tick.Number + 1, elapsed);
        }
    }

    /// <summary>
    /// Arms the timer for tick <paramref name="next"/>: at once when it is due already (the tick before ran late),
    /// else at its instant, rounded up to a whole millisecond because timers count whole milliseconds and must not
    /// wake before it.
    /// </summary>
    private void ArmLocked(long next, long elapsed)
    {
        long wait = (next * _interval) - elapsed;
        if (wait <= 0)
        {
            wait = 0;
        }
        else
        {
            wait = (wait + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond;
        }

        _timer.Change(TimeSpan.FromTicks(wait), Timeout.InfiniteTimeSpan);
    }

    private long TickAt(long elapsed) => elapsed < 0 ? 0 : (elapsed + _tolerance) / _interval;
}
