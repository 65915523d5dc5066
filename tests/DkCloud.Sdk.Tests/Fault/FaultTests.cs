using System;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Tests.EndToEnd;
using DkCloud.Sdk.Tests.Support;
using Xunit;

namespace DkCloud.Sdk.Tests.Fault;

/// <summary>The link breaks at the worst moments; the client comes back agreeing with the server.</summary>
[Trait("Category", "Fault")]
public sealed class FaultTests
{
    internal static void FastReconnect(DkyOptions o)
    {
        o.ReconnectBaseDelay = TimeSpan.FromMilliseconds(50);
        o.ReconnectMaxDelay = TimeSpan.FromMilliseconds(400);
    }

    private static readonly string[] DropAndBack =
    {
        EventNames.AgentWebSocketClose, EventNames.NetworkSituation, EventNames.Reconnect,
        EventNames.AgentWebSocketOpen, EventNames.NetworkSituation, EventNames.AgentLogin,
    };

    private static async Task<ResyncedEventArgs> DropAndWaitForResyncAsync(EmulatorHarness h, DkyClient client, EventLog log, string agent = "1001")
    {
        var resynced = new TaskCompletionSource<ResyncedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Resynced += (_, e) => resynced.TrySetResult(e);
        log.Clear();
        await h.Emulator.DropConnectionAsync(TestOptions.ProjectId, agent);
        var result = await resynced.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var names = log.Names.ToList();
        Assert.Equal(DropAndBack, names.Take(DropAndBack.Length));
        var reconnects = log.All<ReconnectEventArgs>();
        Assert.Equal(new[] { "reconnecting", "reconnected" }, reconnects.Select(r => r.State));
        Assert.All(reconnects, r => Assert.Equal(1, r.Num));
        Assert.Equal(EventNames.Reconnect, names.Last(n => n != EventNames.RealTimeData));
        Assert.Equal(SessionState.LoggedIn, client.State);
        Assert.Empty(log.SessionEnds);
        return result;
    }

    [Fact]
    public async Task A_drop_during_login_fails_init_cleanly_without_reconnecting()
    {
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            await ScriptedServer.ReceiveAsync(socket);
            socket.Abort();
        });
        var o = TestOptions.Valid(server.Url);
        FastReconnect(o);
        await using var client = new DkyClient(o);
        var log = new EventLog(client);

        var ex = await Assert.ThrowsAsync<DkyConnectionException>(() => client.InitAsync());
        Assert.Equal(ConnectionFailureKind.ConnectionLost, ex.Kind);
        await log.WaitAsync<InitEventArgs>();
        Assert.Equal(
            new[] { EventNames.AgentWebSocketOpen, EventNames.NetworkSituation, EventNames.AgentWebSocketClose, EventNames.NetworkSituation, EventNames.Init },
            log.Names);
        Assert.True(log.All<InitEventArgs>().Single().IsError);
        Assert.Equal(SessionState.Idle, client.State);
        await Task.Delay(300);
        Assert.DoesNotContain(log.Events, e => e is ReconnectEventArgs);
    }

    [Fact]
    public async Task A_drop_while_an_inbound_call_rings_keeps_the_call_and_it_can_be_answered()
    {
        await using var h = await EmulatorHarness.StartAsync(e => e.RingTimeout = TimeSpan.FromSeconds(10));
        var (client, log) = await h.LoggedInAsync(configure: FastReconnect);
        var linkedId = await h.Emulator.InjectInboundCallAsync(TestOptions.ProjectId, "1001", "13900139000");
        await log.WaitAsync<RingEventArgs>();

        var resync = await DropAndWaitForResyncAsync(h, client, log);
        Assert.Equal(new[] { linkedId }, resync.KeptCalls);
        Assert.Empty(resync.EndedCalls);
        Assert.Equal(CallPhase.Ringing, client.Calls.Find(linkedId)!.Phase);

        await client.AnswerAsync();
        await log.WaitAsync<AnswerEventArgs>(a => a.LinkedId == linkedId);
        Assert.Equal(CallPhase.Connected, client.Calls.Find(linkedId)!.Phase);
        await client.HangupAsync();
        await log.WaitAsync<HangupEventArgs>(e => e.LinkedId == linkedId && e.Data!.CallLeg == CallLeg.Agent);
    }

    [Fact]
    public async Task A_drop_mid_call_keeps_the_call_tracked_and_hangup_works()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync(configure: FastReconnect);
        await client.SetAgentStateAsync(AgentState.Busy, "meeting");
        var call = await client.CallPhoneAsync(new CallPhoneRequest("13800138000"));
        await log.WaitAsync<AnswerEventArgs>(a => a.Data!.CallLeg == CallLeg.Customer);
        await client.HoldAsync();

        var resync = await DropAndWaitForResyncAsync(h, client, log);
        Assert.Equal(new[] { call.LinkedId }, resync.KeptCalls);
        Assert.Equal(AgentState.Busy, resync.AgentState);
        var tracked = client.Calls.Find(call.LinkedId)!;
        Assert.Equal(CallPhase.Connected, tracked.Phase);
        Assert.True(tracked.IsHeld);

        await client.UnholdAsync();
        await client.HangupAsync();
        var hangup = await log.WaitAsync<HangupEventArgs>(e => e.Data!.CallLeg == CallLeg.Agent);
        Assert.Equal(call.LinkedId, hangup.LinkedId);
        Assert.False(hangup.FromResync);
        Assert.Equal(CallPhase.Ended, tracked.Phase);
        Assert.Equal(AgentState.Busy, client.AgentState);
    }

    [Fact]
    public async Task A_drop_during_a_consultation_keeps_both_legs_and_retrieve_works()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (alice, aliceLog) = await h.LoggedInAsync("1001", FastReconnect);
        var (bob, bobLog) = await h.LoggedInAsync("1002", FastReconnect);
        var call = await alice.CallPhoneAsync(new CallPhoneRequest("13800138000"));
        await aliceLog.WaitAsync<AnswerEventArgs>(a => a.Data!.CallLeg == CallLeg.Customer);
        await alice.ConsultAsync(TransferTarget.Agent("1002"));
        await bobLog.WaitAsync<RingEventArgs>();
        await bob.AnswerAsync();
        await aliceLog.WaitAsync<AnswerEventArgs>(a => a.Data!.CallType == CallType.Consult);

        var resync = await DropAndWaitForResyncAsync(h, alice, aliceLog);
        Assert.Contains(call.LinkedId, resync.KeptCalls);
        Assert.Equal(LegState.Answered, alice.Calls.Find(call.LinkedId)!.Legs[CallLeg.OtherAgent]);

        await alice.AttendedTransferHangupAsync();
        await bobLog.WaitAsync<HangupEventArgs>();
        await alice.HangupAsync();
        await aliceLog.WaitAsync<HangupEventArgs>(e => e.Data!.CallLeg == CallLeg.Agent && e.Data.CallType != CallType.Consult);
        Assert.Equal(CallPhase.Ended, alice.Calls.Find(call.LinkedId)?.Phase ?? CallPhase.Ended);
        Assert.Empty(bobLog.SessionEnds);
    }

    [Fact]
    public async Task A_call_that_ends_while_the_link_is_down_gets_its_hangup_and_a_state_change_its_event()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync(configure: o =>
        {
            FastReconnect(o);
            o.ReconnectBaseDelay = TimeSpan.FromMilliseconds(600);
            o.ReconnectMaxDelay = TimeSpan.FromMilliseconds(600);
        });
        var call = await client.CallPhoneAsync(new CallPhoneRequest("13800138000"));
        await log.WaitAsync<AnswerEventArgs>(a => a.Data!.CallLeg == CallLeg.Customer);

        var resynced = new TaskCompletionSource<ResyncedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Resynced += (_, e) => resynced.TrySetResult(e);
        log.Clear();
        await h.Emulator.DropConnectionAsync(TestOptions.ProjectId, "1001");
        await log.WaitAsync<ReconnectEventArgs>();
        await h.Emulator.HangupCustomerAsync(call.LinkedId);
        await h.Emulator.SetAgentStateAsync(TestOptions.ProjectId, "1001", 3, "training");
        var resync = await resynced.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new[] { call.LinkedId }, resync.EndedCalls);
        Assert.Equal(AgentState.Busy, resync.AgentState);
        var hangup = log.All<HangupEventArgs>().Single();
        Assert.True(hangup.FromResync);
        Assert.Equal(call.LinkedId, hangup.LinkedId);
        Assert.Equal(3, log.All<AgentStateEventArgs>().Single().State);
        var names = log.Names.ToList();
        Assert.True(names.IndexOf(EventNames.Hangup) < names.LastIndexOf(EventNames.Reconnect));
        Assert.Null(client.Calls.Find(call.LinkedId));
        Assert.Equal(AgentState.Busy, client.AgentState);
    }

    [Fact]
    public async Task Commands_while_disconnected_fail_fast_with_a_connection_error()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync(configure: o =>
        {
            o.ReconnectBaseDelay = TimeSpan.FromSeconds(2);
            o.ReconnectMaxDelay = TimeSpan.FromSeconds(2);
        });
        await h.Emulator.DropConnectionAsync(TestOptions.ProjectId, "1001");
        await log.WaitAsync<ReconnectEventArgs>();
        var ex = await Assert.ThrowsAsync<DkyConnectionException>(() => client.SetAgentStateAsync(AgentState.Busy));
        Assert.Equal(ConnectionFailureKind.NotConnected, ex.Kind);
        await log.WaitAsync<ReconnectEventArgs>(r => r.State == "reconnected");
        await client.SetAgentStateAsync(AgentState.Busy);
    }
}
