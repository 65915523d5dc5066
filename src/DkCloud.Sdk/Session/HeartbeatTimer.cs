using System;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.Session;

/// <summary>
/// Calls its owner's heartbeat every interval on the session's clock, one beat at a time. The timer itself is
/// shared: every heartbeat of the same interval on the same clock is driven by one <see cref="HeartbeatSchedule"/>.
/// </summary>
internal sealed class HeartbeatTimer : IDisposable
{
    private readonly Func<Task> _beat;
    private readonly HeartbeatSchedule _schedule;
    private int _running;
    private int _disposed;

    public HeartbeatTimer(Func<Task> beat, TimeProvider time, TimeSpan interval)
    {
        _beat = beat;
        _schedule = HeartbeatSchedule.For(time, interval);
        _schedule.Join(this);
    }

    /// <summary>The slot of the next beat; owned by the schedule, under its lock.</summary>
    internal long Slot { get; set; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _schedule.Leave(this);
        }
    }

    /// <summary>Starts a beat unless the last one is still running or the timer is disposed.</summary>
    internal void Beat()
    {
        if (Volatile.Read(ref _disposed) != 0 || Interlocked.Exchange(ref _running, 1) != 0)
        {
            return;
        }

        _ = BeatAsync();
    }

    private async Task BeatAsync()
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
