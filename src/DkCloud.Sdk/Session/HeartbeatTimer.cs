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

    private void Tick()
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            return;
        }

        _ = BeatAsync();
    }

    private async System.Threading.Tasks.Task BeatAsync()
    {
        try
        {
            await _beat().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A timer's work must never throw; the beat reports its own failures.
        catch
#pragma warning restore CA1031
        {
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
