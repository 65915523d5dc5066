using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;

namespace DkCloud.Sdk.Tests.Support;

/// <summary>Records every event of a client, in the order raised, and waits for the ones a test expects.</summary>
internal sealed class EventLog
{
    private readonly object _gate = new();
    private readonly List<DkyEventArgs> _events = new();
    private readonly List<(Func<DkyEventArgs, bool> Match, TaskCompletionSource<DkyEventArgs> Done)> _waiters = new();

    public EventLog(DkyClient client)
    {
        foreach (var field in typeof(EventNames).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            client.On((string)field.GetValue(null)!, Add);
        }

        client.SessionEnded += (_, e) => { lock (_gate) { SessionEnds.Add(e); } };
        client.ProtocolError += (_, e) => { lock (_gate) { ProtocolErrors.Add(e); } };
    }

    public List<SessionEndedEventArgs> SessionEnds { get; } = new();

    public List<ProtocolErrorEventArgs> ProtocolErrors { get; } = new();

    public IReadOnlyList<DkyEventArgs> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToList();
            }
        }
    }

    public IReadOnlyList<string> Names => Events.Select(e => e.EventName).ToList();

    public IReadOnlyList<T> All<T>() where T : DkyEventArgs => Events.OfType<T>().ToList();

    /// <summary>Waits for an event (already recorded or still to come) that matches.</summary>
    public Task<T> WaitAsync<T>(Func<T, bool>? match = null, int timeoutSeconds = 10)
        where T : DkyEventArgs
    {
        bool Matches(DkyEventArgs e) => e is T t && (match is null || match(t));
        var tcs = new TaskCompletionSource<DkyEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var seen = _events.FirstOrDefault(Matches);
            if (seen is not null)
            {
                return Task.FromResult((T)seen);
            }

            _waiters.Add((Matches, tcs));
        }

        return Wait<T>(tcs, timeoutSeconds);
    }

    /// <summary>Forgets what was recorded so far (to wait for the next occurrence).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }

    private static async Task<T> Wait<T>(TaskCompletionSource<DkyEventArgs> tcs, int timeoutSeconds)
        where T : DkyEventArgs
    {
        var done = await Task.WhenAny(tcs.Task, Task.Delay(TimeSpan.FromSeconds(timeoutSeconds)));
        if (done != tcs.Task)
        {
            throw new TimeoutException($"No {typeof(T).Name} within {timeoutSeconds} s.");
        }

        return (T)await tcs.Task;
    }

    private void Add(DkyEventArgs e)
    {
        List<TaskCompletionSource<DkyEventArgs>> ready = new();
        lock (_gate)
        {
            _events.Add(e);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(e))
                {
                    ready.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var r in ready)
        {
            r.TrySetResult(e);
        }
    }
}
