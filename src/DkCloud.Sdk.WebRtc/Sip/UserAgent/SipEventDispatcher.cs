using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>
/// Runs user callbacks one at a time, in the order they were posted, on the thread pool: never on the receive loop,
/// a timer or under a lock. A callback that throws is reported to <see cref="HandlerFailed"/> and the rest still run.
/// </summary>
internal sealed class SipEventDispatcher
{
    private readonly object _gate = new();
    private readonly Queue<Action> _queue = new();
    private bool _running;

    /// <summary>A callback threw.</summary>
    public event Action<Exception>? HandlerFailed;

    /// <summary>Queues a callback.</summary>
    public void Post(Action callback)
    {
        if (callback is null)
        {
            throw new ArgumentNullException(nameof(callback));
        }

        lock (_gate)
        {
            _queue.Enqueue(callback);
            if (_running)
            {
                return;
            }

            _running = true;
        }

        _ = Task.Run(Drain);
    }

    private void Drain()
    {
        while (true)
        {
            Action next;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _running = false;
                    return;
                }

                next = _queue.Dequeue();
            }

            try
            {
                next();
            }
#pragma warning disable CA1031 // A user's handler must not stop the queue; the failure is reported instead.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                HandlerFailed?.Invoke(exception);
            }
        }
    }
}
