using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace DkCloud.Sdk.WebRtc.Tests.Turn;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells a test when a timer with a given due time has been created, so that the
/// test advances the clock only once the code under test is waiting on it.
/// </summary>
internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _created = new();
    private readonly List<(TimeSpan DueTime, int Count, TaskCompletionSource Done)> _waiters = new();

    /// <summary>Completes once <paramref name="count"/> timers due after <paramref name="dueTime"/> have been created.</summary>
    public Task WhenCreated(TimeSpan dueTime, int count = 1)
    {
        lock (_gate)
        {
            if (Count(dueTime) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, count, done));
            return done.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        var ready = new List<TaskCompletionSource>();
        lock (_gate)
        {
            _created.Add(dueTime);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (Count(_waiters[i].DueTime) >= _waiters[i].Count)
                {
                    ready.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (TaskCompletionSource done in ready)
        {
            done.TrySetResult();
        }

        return timer;
    }

    private int Count(TimeSpan dueTime)
    {
        int count = 0;
        foreach (TimeSpan created in _created)
        {
            if (created == dueTime)
            {
                count++;
            }
        }

        return count;
    }
}
