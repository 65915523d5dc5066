using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DkCloud.Sdk.Session;

/// <summary>
/// One timer for every heartbeat of the same period on the same clock. Time is cut into slots of
/// <see cref="SlotsPerInterval"/> per interval; a heartbeat joins the slot that begins at least one interval after it
/// joined and then beats every interval in that slot. The timer is armed only for the next slot that holds a
/// heartbeat, so one session costs one wake-up per interval and thousands cost one per slot, not one per session.
/// </summary>
/// <remarks>
/// A heartbeat's first beat comes between one interval and one interval plus a slot after it joined; every later beat
/// comes exactly one interval after the one before. Beats of a slot run one after another on the timer's thread: each
/// beat only starts its work (a ping is queued) and returns.
/// </remarks>
internal sealed class HeartbeatSchedule
{
    /// <summary>Slots per interval: 15 s becomes slots of 0.94 s.</summary>
    public const int SlotsPerInterval = 16;

    /// <summary>
    /// How early a slot may be taken as due: a system timer counts whole milliseconds (on Windows about 16) and may
    /// wake a little before the high-resolution clock says the slot began.
    /// </summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(16);

    private static readonly ConditionalWeakTable<TimeProvider, Dictionary<long, HeartbeatSchedule>> Schedules = new();

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long _slotTicks;
    private readonly SortedDictionary<long, List<HeartbeatTimer>> _due = new();
    private readonly ITimer _timer;
    private long _armedSlot = long.MaxValue;

    private HeartbeatSchedule(TimeProvider time, TimeSpan interval)
    {
        _time = time;
        _origin = time.GetTimestamp();
        _slotTicks = Math.Max(1, interval.Ticks / SlotsPerInterval);
        _timer = time.CreateTimer(static s => ((HeartbeatSchedule)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The schedule of every heartbeat of <paramref name="interval"/> on <paramref name="time"/>.</summary>
    public static HeartbeatSchedule For(TimeProvider time, TimeSpan interval)
    {
        var byInterval = Schedules.GetValue(time, static _ => new Dictionary<long, HeartbeatSchedule>());
        lock (byInterval)
        {
            if (!byInterval.TryGetValue(interval.Ticks, out var schedule))
            {
                schedule = new HeartbeatSchedule(time, interval);
                byInterval.Add(interval.Ticks, schedule);
            }

            return schedule;
        }
    }

    /// <summary>Adds a heartbeat; its first beat comes one interval (plus less than a slot) from now.</summary>
    public void Join(HeartbeatTimer member)
    {
        lock (_gate)
        {
            var slot = CurrentSlot(TimeSpan.Zero) + 1 + SlotsPerInterval;
            member.Slot = slot;
            Add(slot, member);
        }
    }

    /// <summary>Removes a heartbeat; it never beats again.</summary>
    public void Leave(HeartbeatTimer member)
    {
        lock (_gate)
        {
            if (_due.TryGetValue(member.Slot, out var members))
            {
                members.Remove(member);
                if (members.Count == 0)
                {
                    _due.Remove(member.Slot);
                }
            }

            member.Slot = long.MinValue;
        }
    }

    private void Fire()
    {
        List<HeartbeatTimer>? beating = null;
        lock (_gate)
        {
            _armedSlot = long.MaxValue;
            var now = CurrentSlot(Tolerance);
            while (_due.Count > 0)
            {
                var first = FirstKey();
                if (first > now)
                {
                    break;
                }

                var members = _due[first];
                _due.Remove(first);
                var next = first + SlotsPerInterval;
                foreach (var member in members)
                {
                    member.Slot = next;
                    Add(next, member);
                }

                if (beating is null)
                {
                    beating = members;
                }
                else
                {
                    beating.AddRange(members);
                }
            }

            Arm();
        }

        if (beating is null)
        {
            return;
        }

        foreach (var member in beating)
        {
            member.Beat();
        }
    }

    private void Add(long slot, HeartbeatTimer member)
    {
        if (!_due.TryGetValue(slot, out var members))
        {
            members = new List<HeartbeatTimer>();
            _due.Add(slot, members);
        }

        members.Add(member);
        if (slot < _armedSlot)
        {
            Arm();
        }
    }

    private void Arm()
    {
        if (_due.Count == 0)
        {
            _armedSlot = long.MaxValue;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var first = FirstKey();
        if (first == _armedSlot)
        {
            return;
        }

        _armedSlot = first;
        var wait = TimeSpan.FromTicks((first * _slotTicks) - _time.GetElapsedTime(_origin).Ticks);
        _timer.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }

    private long FirstKey()
    {
        using var keys = _due.Keys.GetEnumerator();
        keys.MoveNext();
        return keys.Current;
    }

    /// <summary>The number of the slot that holds now (plus <paramref name="ahead"/>), counted from the schedule's start.</summary>
    private long CurrentSlot(TimeSpan ahead) => (_time.GetElapsedTime(_origin) + ahead).Ticks / _slotTicks;
}
