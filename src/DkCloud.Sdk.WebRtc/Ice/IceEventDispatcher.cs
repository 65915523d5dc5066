using System;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Runs event handlers one at a time, in the order raised, on the thread pool: never on a socket loop or a timer.</summary>
internal sealed class IceEventDispatcher
{
    private readonly object _gate = new();
    private Task _tail = Task.CompletedTask;

    /// <summary>Queues <paramref name="action"/> after the previously queued ones; its exceptions are observed and dropped.</summary>
    public void Post(Action action)
    {
        lock (_gate)
        {
            _tail = _tail.ContinueWith(
                static (_, state) =>
                {
                    try
                    {
                        ((Action)state!)();
                    }
#pragma warning disable CA1031 // A subscriber's exception must not stop the agent's later events.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                    }
                },
                action,
                System.Threading.CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }
    }

    /// <summary>Completes when everything queued so far has run.</summary>
    public Task Drain()
    {
        lock (_gate)
        {
            return _tail;
        }
    }
}
