using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Dtls;

namespace DkCloud.Sdk.WebRtc.Tests.Dtls;

/// <summary>
/// One end of an in-memory datagram link for tests on a fake clock: logs when each datagram was sent (on the given
/// clock), drops the ones <see cref="Drop"/> picks, and lets a test wait until a number of datagrams went out.
/// </summary>
internal sealed class ScriptedDatagramLink : IDatagramSender
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly List<TimeSpan> _sent = new();
    private readonly List<bool> _dropped = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = new();

    public ScriptedDatagramLink(TimeProvider time)
    {
        _time = time;
        CreatedAt = time.GetUtcNow();
    }

    /// <summary>When the link was made, on its clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Where datagrams go (the other end's DTLS transport).</summary>
    public Action<byte[]>? Receiver { get; set; }

    /// <summary>Picks datagrams to lose, by their index (from 0) and content; null loses none.</summary>
    public Func<int, byte[], bool>? Drop { get; set; }

    public int MaxDatagramSize => 1200;

    /// <summary>Datagrams sent so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _sent.Count;
            }
        }
    }

    /// <summary>When each datagram was sent, as time since the link was made.</summary>
    public TimeSpan[] SendTimes()
    {
        lock (_gate)
        {
            return _sent.ToArray();
        }
    }

    /// <summary>Which datagrams were dropped.</summary>
    public bool[] Dropped()
    {
        lock (_gate)
        {
            return _dropped.ToArray();
        }
    }

    /// <summary>Completes once <paramref name="count"/> datagrams have been sent.</summary>
    public Task WhenSent(int count)
    {
        lock (_gate)
        {
            if (_sent.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        bool drop;
        byte[] copy = datagram.ToArray();
        var completed = new List<TaskCompletionSource>();
        lock (_gate)
        {
            int index = _sent.Count;
            drop = Drop?.Invoke(index, copy) ?? false;
            _sent.Add(_time.GetUtcNow() - CreatedAt);
            _dropped.Add(drop);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_sent.Count >= _waiters[i].Count)
                {
                    completed.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        if (!drop)
        {
            Receiver?.Invoke(copy);
        }

        foreach (TaskCompletionSource done in completed)
        {
            done.TrySetResult();
        }
    }
}
