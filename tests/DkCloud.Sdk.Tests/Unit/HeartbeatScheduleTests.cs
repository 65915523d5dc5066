using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Session;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.Tests.Unit;

public sealed class HeartbeatScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(16);
    private static readonly TimeSpan Slot = TimeSpan.FromTicks(Interval.Ticks / HeartbeatSchedule.SlotsPerInterval);

    /// <summary>The clock moves in steps of this size, so a beat is seen up to one step after it was due.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private static void Run(FakeTimeProvider clock, TimeSpan length)
    {
        var end = clock.GetUtcNow() + length;
        while (clock.GetUtcNow() < end)
        {
            clock.Advance(Step);
        }
    }

    private static HeartbeatTimer Start(FakeTimeProvider clock, DateTimeOffset origin, List<TimeSpan> beats) =>
        new(() =>
        {
            beats.Add(clock.GetUtcNow() - origin);
            return Task.CompletedTask;
        }, clock, Interval);

    [Fact]
    public void The_first_beat_comes_one_interval_plus_less_than_a_slot_after_joining_then_every_interval()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var origin = clock.GetUtcNow();
        var first = new List<TimeSpan>();
        var second = new List<TimeSpan>();
        using var a = Start(clock, origin, first);
        clock.Advance(TimeSpan.FromMilliseconds(2_345));
        using var b = Start(clock, origin, second);

        Run(clock, Interval * 4);

        Assert.InRange(first[0], Interval, Interval + Slot + Step);
        Assert.InRange(second[0], TimeSpan.FromMilliseconds(2_345) + Interval, TimeSpan.FromMilliseconds(2_345) + Interval + Slot + Step);
        foreach (var beats in new[] { first, second })
        {
            Assert.True(beats.Count >= 3, $"{beats.Count} beats");
            for (var i = 1; i < beats.Count; i++)
            {
                Assert.Equal(Interval, beats[i] - beats[i - 1]);
            }
        }
    }

    [Fact]
    public void A_disposed_heartbeat_never_beats_again_and_the_others_go_on()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var origin = clock.GetUtcNow();
        var stopped = new List<TimeSpan>();
        var running = new List<TimeSpan>();
        var a = Start(clock, origin, stopped);
        using var b = Start(clock, origin, running);
        Run(clock, Interval + Slot);
        Assert.Single(stopped);

        a.Dispose();
        Run(clock, Interval * 3);

        Assert.Single(stopped);
        Assert.Equal(4, running.Count);
    }

    [Fact]
    public void A_beat_still_running_is_not_started_twice()
    {
        // Without a synchronization context the beat's end runs inside SetResult, before the clock moves on.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
            var started = 0;
            var hanging = new TaskCompletionSource<bool>();
            using var timer = new HeartbeatTimer(() =>
            {
                started++;
                return hanging.Task;
            }, clock, Interval);

            Run(clock, (Interval * 3) + Slot);
            Assert.Equal(1, started);

            hanging.SetResult(true);
            Run(clock, Interval);
            Assert.Equal(2, started);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
