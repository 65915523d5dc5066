using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Session;
using DkCloud.Sdk.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DkCloud.Sdk.Tests.Unit;

public sealed class EventDispatcherTests
{
    [Fact]
    public async Task A_slow_handler_neither_reorders_nor_loses_events_nor_blocks_the_poster()
    {
        await using var dispatcher = new EventDispatcher(null, NullLogger.Instance);
        var seen = new List<int>();
        using var gate = new ManualResetEventSlim();
        dispatcher.Post(() => gate.Wait(5000));
        for (var i = 0; i < 10_000; i++)
        {
            var n = i;
            Assert.True(dispatcher.Post(() => seen.Add(n)));
        }

        // Posting 10,000 events returned while the first handler is still blocked.
        Assert.Empty(seen);
        gate.Set();
        await dispatcher.DrainAsync();
        Assert.Equal(10_000, seen.Count);
        for (var i = 0; i < seen.Count; i++)
        {
            Assert.Equal(i, seen[i]);
        }
    }

    [Fact]
    public async Task A_throwing_handler_does_not_stop_the_next_event()
    {
        await using var dispatcher = new EventDispatcher(null, NullLogger.Instance);
        var ran = false;
        dispatcher.Post(() => throw new System.InvalidOperationException("handler bug"));
        dispatcher.Post(() => ran = true);
        await dispatcher.DrainAsync();
        Assert.True(ran);
    }

    [Fact]
    public async Task Handlers_run_on_the_captured_context_in_order()
    {
        using var ui = new SingleThreadContext();
        await using var dispatcher = new EventDispatcher(ui, NullLogger.Instance);
        var threads = new List<int>();
        var order = new List<int>();
        for (var i = 0; i < 100; i++)
        {
            var n = i;
            dispatcher.Post(() =>
            {
                threads.Add(System.Environment.CurrentManagedThreadId);
                order.Add(n);
            });
        }

        await dispatcher.DrainAsync();
        Assert.All(threads, t => Assert.Equal(ui.ThreadId, t));
        Assert.Equal(100, order.Count);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(i, order[i]);
        }
    }
}
