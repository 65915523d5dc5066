using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Media;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Media;

/// <summary>The media clock shared by every session on a <see cref="TimeProvider"/>, driven by a fake clock.</summary>
public class MediaClockTests
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static MediaClock Create(FakeTimeProvider time, int chunkSize = 1_000, int maxWorkers = 1) => new(time, Frame, chunkSize, maxWorkers);

    private static CountingClockMember[] Join(MediaClock clock, int count)
    {
        CountingClockMember[] members = Enumerable.Range(0, count).Select(_ => new CountingClockMember()).ToArray();
        foreach (CountingClockMember member in members)
        {
            clock.Join(member);
        }

        return members;
    }

    /// <summary>Advances the clock one frame at a time (one big step would be one late tick).</summary>
    private static void Frames(FakeTimeProvider time, int count)
    {
        for (int i = 0; i < count; i++)
        {
            time.Advance(Frame);
        }
    }

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Limit)
            {
                throw new TimeoutException(what);
            }

            await Task.Delay(1);
        }
    }

    [Fact]
    public void Many_members_are_each_ticked_once_per_20_ms_of_fake_time_by_one_timer()
    {
        var time = new FakeTimeProvider();
        MediaClock clock = Create(time);
        CountingClockMember[] members = Join(clock, 300);

        time.Advance(TimeSpan.FromMilliseconds(19));
        Assert.All(members, m => Assert.Equal(0, m.Count));
        for (int i = 0; i < 50; i++)
        {
            time.Advance(i == 0 ? TimeSpan.FromMilliseconds(1) : Frame);
        }

        long[] expected = Enumerable.Range(1, 50).Select(n => (long)n).ToArray();
        Assert.All(members, m => Assert.Equal(expected, m.Ticks));
        Assert.Equal(50, clock.TicksRun);
    }

    [Fact]
    public void The_shared_clock_is_one_per_time_provider()
    {
        var time = new FakeTimeProvider();
        var other = new FakeTimeProvider();

        Assert.Same(MediaClock.For(time), MediaClock.For(time));
        Assert.NotSame(MediaClock.For(time), MediaClock.For(other));
    }

    [Fact]
    public void A_member_that_joins_later_counts_from_the_next_tick_and_one_that_leaves_is_not_ticked_again()
    {
        var time = new FakeTimeProvider();
        MediaClock clock = Create(time);
        CountingClockMember first = Join(clock, 1)[0];
        Frames(time, 3);

        time.Advance(TimeSpan.FromMilliseconds(7));
        Assert.Equal(4, clock.NextTick());
        var second = new CountingClockMember();
        clock.Join(second);
        time.Advance(TimeSpan.FromMilliseconds(13));
        Frames(time, 1);
        clock.Leave(first);
        Frames(time, 2);

        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, first.Ticks);
        Assert.Equal(new long[] { 4, 5, 6, 7 }, second.Ticks);
        Assert.Equal(1, clock.Count);
    }

    [Fact]
    public void A_member_that_throws_does_not_keep_the_others_from_their_ticks()
    {
        var time = new FakeTimeProvider();
        MediaClock clock = Create(time);
        CountingClockMember[] members = Join(clock, 5);
        members[2].Throws = true;

        Frames(time, 10);

        Assert.All(members, m => Assert.Equal(10, m.Count));
        Assert.Equal(10, clock.Faults);
        Assert.True(clock.IsRunning);
    }

    [Fact]
    public void The_timer_stops_when_the_last_member_leaves_and_starts_again_with_the_next()
    {
        var time = new FakeTimeProvider();
        MediaClock clock = Create(time);
        Assert.False(clock.IsRunning);
        CountingClockMember[] members = Join(clock, 2);
        Assert.True(clock.IsRunning);
        Frames(time, 2);

        clock.Leave(members[0]);
        Assert.True(clock.IsRunning);
        clock.Leave(members[1]);
        Assert.False(clock.IsRunning);
        time.Advance(Frame * 10);
        Assert.Equal(2, clock.TicksRun);

        var again = new CountingClockMember();
        clock.Join(again);
        Assert.True(clock.IsRunning);
        time.Advance(Frame);
        Assert.Equal(new long[] { 13 }, again.Ticks);
        Assert.Equal(3, clock.TicksRun);
    }

    [Fact]
    public void A_late_tick_carries_the_latest_number_and_a_slow_tick_does_not_pile_up_ticks()
    {
        var time = new FakeTimeProvider();
        MediaClock clock = Create(time);
        CountingClockMember[] members = Join(clock, 2);

        // Five frames of time at once: one tick, numbered 5; the members count the frames in between themselves.
        time.Advance(Frame * 5);
        Assert.Equal(new long[] { 5 }, members[0].Ticks);

        // A tick that takes 70 ms: the next one runs as soon as it ends, once, with the number due by then.
        members[0].During = tick =>
        {
            if (tick == 6)
            {
                time.Advance(TimeSpan.FromMilliseconds(70));
            }
        };
        time.Advance(Frame);
        Assert.Equal(new long[] { 5, 6, 9 }, members[0].Ticks);
        Assert.Equal(new long[] { 5, 6, 9 }, members[1].Ticks);
        Assert.Equal(3, clock.TicksRun);

        members[0].During = null;
        time.Advance(Frame);
        Assert.Equal(new long[] { 5, 6, 9, 10 }, members[1].Ticks);
    }

    [Fact]
    public async Task Many_members_are_ticked_by_parallel_workers()
    {
        var time = new FakeTimeProvider();
        MediaClock clock = Create(time, chunkSize: 2, maxWorkers: 3);
        CountingClockMember[] members = Join(clock, 25);

        for (int tick = 1; tick <= 20; tick++)
        {
            time.Advance(Frame);
            int expected = tick;
            await EventuallyAsync(() => clock.TicksRun == expected && members.All(m => m.Count == expected), "tick " + tick + " did not reach every member");
        }

        long[] all = Enumerable.Range(1, 20).Select(n => (long)n).ToArray();
        Assert.All(members, m => Assert.Equal(all, m.Ticks));
    }

    [Fact]
    public async Task A_tick_begins_only_once_every_member_has_finished_the_one_before()
    {
        var time = new FakeTimeProvider();
        MediaClock clock = Create(time, chunkSize: 1, maxWorkers: 4);
        CountingClockMember[] members = Join(clock, 8);

        // The last member is slow on tick 1, and the clock is moved on twice while it works.
        using var slow = new System.Threading.ManualResetEventSlim();
        members[7].During = tick =>
        {
            if (tick == 1)
            {
                slow.Set();
                System.Threading.Thread.Sleep(100);
            }
        };
        Task first = Task.Run(() => time.Advance(Frame));
        Assert.True(slow.Wait(Limit));
        time.Advance(Frame);
        time.Advance(Frame);
        await first.WaitAsync(Limit);
        await EventuallyAsync(() => members.All(m => m.Count == 2), "the tick after the slow one did not come");

        (long Tick, long Start, long End)[] spans = members.SelectMany(m => m.Spans).ToArray();
        long endOfFirst = spans.Where(s => s.Tick == 1).Max(s => s.End);
        Assert.All(spans.Where(s => s.Tick != 1), s => Assert.True(s.Start >= endOfFirst, "a member began tick " + s.Tick + " while tick 1 ran"));
        Assert.All(members, m => Assert.Equal(new long[] { 1, 3 }, m.Ticks));
    }
}
