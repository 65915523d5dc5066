using System;
using System.Threading;

namespace DkCloud.Sdk.Session;

/// <summary>Calls its owner's heartbeat every interval on the session's clock, one beat at a time.</summary>
internal sealed class HeartbeatTimer : IDisposable
{
    private readonly ITimer _timer;
    private readonly Func<System.Threading.Tasks.Task> _beat;
    private int _running;

    public HeartbeatTimer(Func<System.Threading.Tasks.Task> beat, TimeProvider time, TimeSpan interval)
    {
        _beat = beat;
        _timer = time.CreateTimer(static s => ((HeartbeatTimer)s!).Tick(), this, interval, interval);
    }

    public void Dispose() => _timer.Dispose();

    private async void Tick()
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            return;
        }

        try
        {
            await _beat().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A timer callback must never throw.
        catch
#pragma warning restore CA1031
        {
            // The beat reports its own failures.
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
