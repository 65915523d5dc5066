using System;
using System.Collections.Generic;
using System.Threading;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// Runs posted work one item at a time, in order, on the thread pool: device notifications leave the system's
/// callback thread at once, and the provider's events never overlap. An item that throws is counted and skipped, so a
/// faulty event handler can neither stop later notifications nor end the process.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class SerialWorkQueue
{
    private readonly object _gate = new();
    private readonly Queue<Action> _items = new();
    private bool _draining;
    private bool _closed;
    private long _failures;

    /// <summary>Items that threw.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Queues <paramref name="item"/>; ignored once closed.</summary>
    public void Post(Action item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _items.Enqueue(item);
            if (_draining)
            {
                return;
            }

            _draining = true;
        }

        ThreadPool.QueueUserWorkItem(static state => ((SerialWorkQueue)state!).Drain(), this);
    }

    /// <summary>Drops what is queued and ignores later posts; an item running now finishes.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            _items.Clear();
        }
    }

    private void Drain()
    {
        while (true)
        {
            Action item;
            lock (_gate)
            {
                if (_items.Count == 0)
                {
                    _draining = false;
                    return;
                }

                item = _items.Dequeue();
            }

            try
            {
                item();
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _failures);
            }
        }
    }
}
