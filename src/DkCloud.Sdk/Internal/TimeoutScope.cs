using System;
using System.Threading;

namespace DkCloud.Sdk.Internal;

/// <summary>
/// A token that cancels after a delay measured on a <see cref="TimeProvider"/>, or when the caller's token
/// cancels. Disposing it stops the timer.
/// </summary>
internal sealed class TimeoutScope : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly ITimer _timer;

    private TimeoutScope(TimeProvider time, TimeSpan delay, CancellationToken linked)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(linked);
        _timer = time.CreateTimer(static s => ((TimeoutScope)s!).Fire(), this, delay, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _cts.Token;

    /// <summary>True when the delay ran out (as opposed to the caller cancelling).</summary>
    public bool TimedOut { get; private set; }

    public static TimeoutScope Start(TimeProvider time, TimeSpan delay, CancellationToken linked) => new(time, delay, linked);

    public void Dispose()
    {
        _timer.Dispose();
        _cts.Dispose();
    }

    private void Fire()
    {
        TimedOut = true;
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed while the timer fired: the operation is already over.
        }
    }
}
