using System;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Sip.Transport;

/// <summary>A delay on a <see cref="TimeProvider"/> that works the same on every target framework.</summary>
internal static class SipDelay
{
    /// <summary>Completes after <paramref name="delay"/> on <paramref name="time"/>, or cancels.</summary>
    public static Task WaitAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        ITimer timer = time.CreateTimer(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), completion, delay, Timeout.InfiniteTimeSpan);
        CancellationTokenRegistration registration = cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        return completion.Task.ContinueWith(
            task =>
            {
                timer.Dispose();
                registration.Dispose();
                return task;
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).Unwrap();
    }
}
