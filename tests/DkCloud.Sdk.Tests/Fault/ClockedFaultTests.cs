using System;
using System.Linq;
using System.Threading.Tasks;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Tests.EndToEnd;
using DkCloud.Sdk.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.Tests.Fault;

/// <summary>Faults whose timing matters, driven by a fake clock (the sockets are real), and a real server crash.</summary>
[Trait("Category", "Fault")]
public sealed class ClockedFaultTests
{
    /// <summary>Advances the clock a second at a time until the condition holds; returns the fake time spent.</summary>
    private static async Task<TimeSpan> AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition, TimeSpan limit)
    {
        var spent = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(500);
        while (!condition())
        {
            if (spent > limit)
            {
                throw new TimeoutException($"Not reached within {limit} of fake time.");
            }

            clock.Advance(step);
            spent += step;
            await Task.Delay(15);
        }

        return spent;
    }

    [Fact]
    public async Task A_stalled_server_is_detected_within_two_heartbeats_and_the_session_comes_back()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync(configure: o =>
        {
            o.TimeProvider = clock;
            o.EnableNetworkDelay = true;
        });
        var interval = client.Options.HeartbeatInterval;
        await AdvanceUntilAsync(clock, () => log.All<NetworkDelayEventArgs>().Count > 0, interval * 2);

        log.Clear();
        await h.Emulator.StallConnectionAsync(TestOptions.ProjectId, "1001");
        var detectedAfter = await AdvanceUntilAsync(clock, () => log.Names.Contains(EventNames.AgentWebSocketClose), interval * 3);
        Assert.True(detectedAfter <= interval * 2, $"Detected after {detectedAfter} of silence.");

        await AdvanceUntilAsync(clock, () => log.All<ReconnectEventArgs>().Any(r => r.State == "reconnected"), TimeSpan.FromMinutes(2));
        Assert.Equal(SessionState.LoggedIn, client.State);
        Assert.Empty(log.SessionEnds);
        Assert.Equal(
            new[] { EventNames.AgentWebSocketClose, EventNames.NetworkSituation, EventNames.Reconnect },
            log.Names.Take(3));
        Assert.True(h.Emulator.GetAgent(TestOptions.ProjectId, "1001")!.LoggedIn);
    }

    [Fact]
    public async Task Ten_failed_tries_end_in_reconnect_fail_and_one_session_end()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var h = await EmulatorHarness.StartAsync();
        var o = h.Options();
        o.TimeProvider = clock;
        var client = new DkyClient(o) { JitterSource = () => 0.5 };
        var log = new EventLog(client);
        await client.InitAsync();
        await h.DisposeAsync();

        await AdvanceUntilAsync(clock, () => log.SessionEnds.Count == 1, TimeSpan.FromMinutes(10));
        var reconnects = log.All<ReconnectEventArgs>();
        Assert.Equal(Enumerable.Range(1, 10), reconnects.Where(r => r.State == "reconnecting").Select(r => r.Num));
        Assert.Equal("reconnectFail", reconnects.Last().State);
        Assert.Equal(11, reconnects.Count);
        Assert.Equal(SessionEndReason.ReconnectFailed, log.SessionEnds.Single().Reason);
        Assert.Equal(SessionState.Idle, client.State);
        Assert.Equal(1, log.Names.Count(n => n == EventNames.AgentWebSocketClose));
        await Task.Delay(100);
        Assert.Single(log.SessionEnds);
        await client.DisposeAsync();
        Assert.Single(log.SessionEnds);
    }

    [Fact]
    public async Task The_emulator_process_killed_and_restarted_ends_the_lost_call_and_resyncs()
    {
        using var server = new EmulatorProcess(EmulatorProcess.FreePort());
        await server.StartAsync();
        var o = TestOptions.Valid(server.AgentWebSocketUrl);
        o.ReconnectBaseDelay = TimeSpan.FromMilliseconds(250);
        o.ReconnectMaxDelay = TimeSpan.FromSeconds(2);
        await using var client = new DkyClient(o);
        var log = new EventLog(client);
        var resynced = new TaskCompletionSource<ResyncedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Resynced += (_, e) => resynced.TrySetResult(e);
        await client.InitAsync();
        var call = await client.CallPhoneAsync(new CallPhoneRequest("13800138000"));
        await log.WaitAsync<AnswerEventArgs>(a => a.Data!.CallLeg == CallLeg.Customer, timeoutSeconds: 20);

        server.Kill();
        await log.WaitAsync<ReconnectEventArgs>();
        await server.StartAsync();
        var resync = await resynced.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { call.LinkedId }, resync.EndedCalls);
        Assert.True(log.All<HangupEventArgs>().Single(e => e.FromResync).LinkedId == call.LinkedId);
        Assert.Null(client.Calls.Find(call.LinkedId));
        Assert.Equal(SessionState.LoggedIn, client.State);
        var again = await client.CallPhoneAsync(new CallPhoneRequest("13800138001"));
        await log.WaitAsync<AnswerEventArgs>(a => a.LinkedId == again.LinkedId && a.Data!.CallLeg == CallLeg.Customer, timeoutSeconds: 20);
    }
}
