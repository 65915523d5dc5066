using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk;
using DkCloud.Sdk.Events;

namespace DkCloud.Samples.Console;

/// <summary>Waits for the next event of a name that matches a condition.</summary>
internal static class EventWaiter
{
    public static async Task<T> NextAsync<T>(DkyClient client, string eventName, Func<T, bool> match, CancellationToken cancellationToken, int timeoutSeconds = 15)
        where T : DkyEventArgs
    {
        var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = client.On(eventName, e =>
        {
            if (e is T typed && match(typed))
            {
                tcs.TrySetResult(typed);
            }
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        using (timeout.Token.Register(() => tcs.TrySetException(new TimeoutException($"No {eventName} within {timeoutSeconds} s."))))
        {
            return await tcs.Task.ConfigureAwait(false);
        }
    }
}
