using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DkCloud.Sdk.Tests.EndToEnd;

[Trait("Category", "EndToEnd")]
[Collection(SerialCollection.Name)]
public sealed class LifecycleEndToEndTests
{
    [Fact]
    public async Task Secrets_never_reach_the_log_at_any_level()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var capture = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        var encryptedPassword = DkyCrypto.Encrypt("123456", TestOptions.Token);

        var o = h.Options();
        o.IsEncrypt = true;
        o.ExtensionPassword = encryptedPassword;
        await using (var client = new DkyClient(o, factory))
        {
            await client.InitAsync();
            await client.SwitchExtensionAsync(new SwitchExtensionRequest(ExtensionType.IpPhone, "1003") { ExtensionPassword = "123456" });
            await client.CallPhoneAsync(new CallPhoneRequest("13800138000"));
            await client.LogoffAsync();
        }

        var bad = h.Options("1002");
        bad.Token = "wrong-token-secret-99";
        await using (var client = new DkyClient(bad, factory))
        {
            await Assert.ThrowsAsync<DkyException>(() => client.InitAsync());
        }

        var text = string.Join("\n", capture.Lines);
        Assert.NotEmpty(capture.Lines);
        foreach (var secret in new[] { TestOptions.Token, "123456", encryptedPassword, "wrong-token-secret-99" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(TestOptions.Token, new SoftphoneRegistration { Password = "123456", ExtensionNumber = "2001" }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_is_idempotent_and_bounded_when_the_server_is_gone()
    {
        var h = await EmulatorHarness.StartAsync();
        var o = h.Options();
        o.DisposeTimeout = TimeSpan.FromSeconds(2);
        var client = new DkyClient(o);
        var log = new Support.EventLog(client);
        await client.InitAsync();
        await h.DisposeAsync();
        await log.WaitAsync<ReconnectEventArgs>();

        var sw = Stopwatch.StartNew();
        await client.DisposeAsync();
        await client.DisposeAsync();
        sw.Stop();
        // Documented bound: DisposeTimeout + 1 s; generous margin for a loaded CI machine.
        Assert.True(sw.Elapsed < o.DisposeTimeout + TimeSpan.FromSeconds(3), $"Dispose took {sw.Elapsed}.");
        Assert.Equal(SessionState.Disposed, client.State);
        await LoginEndToEndTests.WaitUntil(() => log.SessionEnds.Count == 1);
        Assert.Equal(SessionEndReason.Disposed, log.SessionEnds.Single().Reason);
        var ex = await Assert.ThrowsAsync<DkyConnectionException>(() => client.HoldAsync());
        Assert.Equal(ConnectionFailureKind.Disposed, ex.Kind);
    }

    [Fact]
    public async Task Five_hundred_sessions_leave_memory_threads_and_handles_flat()
    {
        await using var h = await EmulatorHarness.StartAsync();

        async Task CycleAsync()
        {
            await using var client = new DkyClient(h.Options());
            await client.InitAsync();
            await client.LogoffAsync();
        }

        // Warm up until the thread pool and the emulator reach their working size.
        for (var i = 0; i < 200; i++)
        {
            await CycleAsync();
        }

        var (memory0, threads0, handles0) = Measure();
        for (var i = 0; i < 500; i++)
        {
            await CycleAsync();
        }

        var (memory1, threads1, handles1) = Measure();
        var perCycle = (memory1 - memory0) / 500.0;
        Assert.True(perCycle < 2048, $"Managed memory grew {memory1 - memory0} bytes over 500 sessions ({perCycle:0} per session).");
        // Thread-pool threads come and go with load; threads outside the pool would be a leak.
        Assert.True(threads1 - threads0 <= 4, $"Threads outside the pool went from {threads0} to {threads1}.");
        Assert.True(handles1 - handles0 <= 64, $"Handles went from {handles0} to {handles1}.");
    }

    private static (long Memory, int Threads, int Handles) Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(true), process.Threads.Count - System.Threading.ThreadPool.ThreadCount, process.HandleCount);
    }
}
