using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DkCloud.Sdk.Session;

/// <summary>
/// Runs event handlers one at a time, in the order the events arrived, away from the socket's reader: a slow
/// handler delays later events but never reorders or drops them, and never stalls the reader. With a
/// <see cref="SynchronizationContext"/>, each handler runs there (a UI thread), still one at a time.
/// A handler's exception is logged and the next event goes on.
/// </summary>
internal sealed class EventDispatcher : IAsyncDisposable
{
    private readonly Channel<QueuedWork> _queue = Channel.CreateUnbounded<QueuedWork>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = false,
        AllowSynchronousContinuations = false,
    });

    private readonly SynchronizationContext? _context;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public EventDispatcher(SynchronizationContext? context, ILogger logger)
    {
        _context = context;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues work; false once the dispatcher is shut down.</summary>
    public bool Post(Action work) =>
        _queue.Writer.TryWrite(new QueuedWork(work, SessionEventSource.Log.IsEnabled() ? Stopwatch.GetTimestamp() : 0));

    /// <summary>A task that completes once everything queued so far has run.</summary>
    public Task DrainAsync()
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Post(() => done.TrySetResult(true)))
        {
            done.TrySetResult(false);
        }

        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var queued))
            {
                if (queued.Timestamp != 0)
                {
                    SessionEventSource.Log.WorkStarted(SessionEventSource.MicrosecondsSince(queued.Timestamp));
                }

                if (_context is null)
                {
                    Invoke(queued.Work);
                }
                else
                {
                    await InvokeOnContextAsync(queued.Work).ConfigureAwait(false);
                }
            }
        }
    }

    private Task InvokeOnContextAsync(Action work)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _context!.Post(
            static state =>
            {
                var (self, w, tcs) = ((EventDispatcher, Action, TaskCompletionSource<bool>))state!;
                self.Invoke(w);
                tcs.TrySetResult(true);
            },
            (this, work, done));
        return done.Task;
    }

    private void Invoke(Action work)
    {
        try
        {
            work();
        }
#pragma warning disable CA1031 // A handler's failure must not stop the event loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning(ex, "An event handler threw; the session goes on.");
        }
    }
}
