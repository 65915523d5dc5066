using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.OpenApi;
using DkCloud.Sdk.Tests.Support;
using Xunit;

namespace DkCloud.Sdk.Tests.EndToEnd;

/// <summary>Two or three agents in one process: consultation, transfers, three-way calls and supervision.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TwoAgentEndToEndTests
{
    private static async Task<string> ConnectedCallAsync(DkyClient client, EventLog log)
    {
        var call = await client.CallPhoneAsync(new CallPhoneRequest("13800138000"));
        await log.WaitAsync<AnswerEventArgs>(a => a.Data!.CallLeg == CallLeg.Customer);
        return call.LinkedId;
    }

    [Fact]
    public async Task Consult_rings_the_other_agent_who_sees_itself_as_target_then_retrieve()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (alice, aliceLog) = await h.LoggedInAsync("1001");
        var (bob, bobLog) = await h.LoggedInAsync("1002");
        await ConnectedCallAsync(alice, aliceLog);

        await alice.ConsultAsync(TransferTarget.Agent("1002"));
        var consult = await aliceLog.WaitAsync<ConsultEventArgs>();
        Assert.Equal("0", consult.Mode);
        Assert.Equal("1002", consult.AtxferNumber);

        var ring = await bobLog.WaitAsync<RingEventArgs>();
        Assert.Equal(CallType.Consult, ring.Data!.CallType);
        Assert.Equal(TransferRole.Target, ring.TransferRole);
        await bob.AnswerAsync();
        await bobLog.WaitAsync<AnswerEventArgs>();
        var initiatorView = await aliceLog.WaitAsync<AnswerEventArgs>(a => a.Data!.CallType == CallType.Consult);
        Assert.Equal(TransferRole.Initiator, initiatorView.TransferRole);

        Assert.Equal(LegState.Answered, alice.Calls.Current!.Legs[CallLeg.OtherAgent]);
        await alice.AttendedTransferHangupAsync();
        await bobLog.WaitAsync<HangupEventArgs>();
        await aliceLog.WaitAsync<HangupEventArgs>(e => e.Data!.CallType == CallType.Consult);
        Assert.Equal(CallPhase.Connected, alice.Calls.Current!.Phase);
        Assert.Equal(LegState.Ended, alice.Calls.Current.Legs[CallLeg.OtherAgent]);
        Assert.Empty(bobLog.SessionEnds);
        Assert.DoesNotContain(bobLog.Events, e => e is ReconnectEventArgs);

        var again = await Assert.ThrowsAsync<DkyException>(() => alice.AttendedTransferHangupAsync());
        Assert.Equal(DkyErrorCodes.ServerBusy, again.Code);
        var error = await aliceLog.WaitAsync<AttendedTransferHangupEventArgs>();
        Assert.True(error.IsError);
        Assert.Equal("当前坐席未处于咨询通话无法调用咨询接回", error.Description);
    }

    [Fact]
    public async Task Consulting_an_agent_who_is_not_logged_in_fails_with_20008()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (alice, aliceLog) = await h.LoggedInAsync("1001");
        await ConnectedCallAsync(alice, aliceLog);
        var ex = await Assert.ThrowsAsync<DkyException>(() => alice.ConsultAsync(TransferTarget.Agent("1003")));
        Assert.Equal(DkyErrorCodes.AgentNotLoggedIn, ex.Code);
    }

    [Fact]
    public async Task Attended_transfer_leaves_the_customer_with_the_target()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (alice, aliceLog) = await h.LoggedInAsync("1001");
        var (bob, bobLog) = await h.LoggedInAsync("1002");
        var linkedId = await ConnectedCallAsync(alice, aliceLog);

        await alice.AttendedTransferAsync(TransferTarget.Agent("1002"));
        Assert.Equal("1002", (await aliceLog.WaitAsync<AttendedTransferEventArgs>()).AtxferNumber);
        var ring = await bobLog.WaitAsync<RingEventArgs>();
        Assert.Equal(CallType.ConsultTransfer, ring.Data!.CallType);
        await bob.AnswerAsync();
        await bobLog.WaitAsync<AnswerEventArgs>();

        await alice.HangupAsync();
        await aliceLog.WaitAsync<HangupEventArgs>(e => e.Data!.CallLeg == CallLeg.Agent && e.Data.CallType != CallType.ConsultTransfer);
        Assert.Equal(linkedId, h.Emulator.GetAgent(TestOptions.ProjectId, "1002")!.CurrentLinkedId);
        Assert.Null(h.Emulator.GetAgent(TestOptions.ProjectId, "1001")!.CurrentLinkedId);
    }

    [Fact]
    public async Task Blind_transfer_rings_the_target_with_call_type_transfer()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (alice, aliceLog) = await h.LoggedInAsync("1001");
        var (bob, bobLog) = await h.LoggedInAsync("1002");
        await ConnectedCallAsync(alice, aliceLog);

        await alice.BlindTransferAsync(new BlindTransferRequest(BlindTransferMode.Agent, "1002"));
        var moved = await aliceLog.WaitAsync<BlindTransferEventArgs>();
        Assert.Equal("1002", moved.TransferNumber);
        await aliceLog.WaitAsync<HangupEventArgs>(e => e.Data!.CallLeg == CallLeg.Agent);

        var ring = await bobLog.WaitAsync<RingEventArgs>();
        Assert.Equal(CallType.Transfer, ring.Data!.CallType);
        Assert.Equal(TransferRole.Target, ring.TransferRole);
        await bob.AnswerAsync();
        await bobLog.WaitAsync<AnswerEventArgs>();
    }

    [Fact]
    public async Task Blind_transfer_to_a_queue_ends_the_agent_leg()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (alice, aliceLog) = await h.LoggedInAsync("1001");
        await ConnectedCallAsync(alice, aliceLog);
        await alice.BlindTransferAsync(new BlindTransferRequest(BlindTransferMode.Queue, "8001"));
        Assert.Equal("3", (await aliceLog.WaitAsync<BlindTransferEventArgs>()).Mode);
        await aliceLog.WaitAsync<HangupEventArgs>(e => e.Data!.CallLeg == CallLeg.Agent);
    }

    [Fact]
    public async Task Three_way_call_then_retrieve_and_meet_hangup_errors()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (alice, aliceLog) = await h.LoggedInAsync("1001");
        var (bob, bobLog) = await h.LoggedInAsync("1002");
        await ConnectedCallAsync(alice, aliceLog);

        var notInMeet = await Assert.ThrowsAsync<DkyException>(() => alice.MeetHangupAsync(MeetHangupType.Retrieve));
        Assert.Equal(DkyErrorCodes.ServerBusy, notInMeet.Code);
        Assert.True((await aliceLog.WaitAsync<MeetHangupEventArgs>()).IsError);

        await alice.MeetAsync(new MeetRequest(TransferMode.Agent, "1002"));
        Assert.Equal("0", (await aliceLog.WaitAsync<MeetEventArgs>()).Mode);
        await bobLog.WaitAsync<RingEventArgs>();
        await bob.AnswerAsync();
        await bobLog.WaitAsync<AnswerEventArgs>();

        aliceLog.Clear();
        await alice.MeetHangupAsync(MeetHangupType.Retrieve);
        await aliceLog.WaitAsync<AnswerEventArgs>();
        await bobLog.WaitAsync<HangupEventArgs>();
    }

    [Fact]
    public async Task Monitor_listens_whispers_and_force_hangs_up_an_agent()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (alice, aliceLog) = await h.LoggedInAsync("1001");
        var (mona, monaLog) = await h.LoggedInAsync("9001");

        var noCall = await Assert.ThrowsAsync<DkyException>(() => mona.ChanspyAsync(new ChanspyRequest(ChanspyMode.Listen, "1001", "9001")));
        Assert.Equal(DkyErrorCodes.ServerBusy, noCall.Code);

        await ConnectedCallAsync(alice, aliceLog);
        await mona.ChanspyAsync(new ChanspyRequest(ChanspyMode.Listen, "1001", "9001"));
        var spy = await monaLog.WaitAsync<ChanspyEventArgs>(e => e.State != "error");
        Assert.Equal(1, spy.Mode);
        Assert.Equal("1001", spy.AgentId);
        Assert.Equal(0, spy.Point);

        var threeWayOnly = await Assert.ThrowsAsync<DkyException>(() => mona.ChanspyAsync(new ChanspyRequest(ChanspyMode.ListenThreeWay, "1001", "9001")));
        Assert.Equal(DkyErrorCodes.ServerBusy, threeWayOnly.Code);

        await mona.ForceHangupAsync("1001");
        await monaLog.WaitAsync<ForceDisconnectCallEventArgs>();
        await aliceLog.WaitAsync<HangupEventArgs>(e => e.Data!.CallLeg == CallLeg.Agent);
    }

    [Fact]
    public async Task An_ordinary_agent_cannot_monitor()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (alice, aliceLog) = await h.LoggedInAsync("1001");
        var (bob, _) = await h.LoggedInAsync("1002");
        await ConnectedCallAsync(alice, aliceLog);
        var ex = await Assert.ThrowsAsync<DkyException>(() => bob.ChanspyAsync(new ChanspyRequest(ChanspyMode.Listen, "1001", "1002")));
        Assert.Equal(DkyErrorCodes.Forbidden, ex.Code);
        var logoff = await Assert.ThrowsAsync<DkyException>(() => bob.LogoffAsync(new LogoffOptions { AgentId = "1001" }));
        Assert.Equal(DkyErrorCodes.Forbidden, logoff.Code);
    }

    [Fact]
    public async Task Monitor_sets_an_agent_busy_and_forces_it_offline()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (alice, aliceLog) = await h.LoggedInAsync("1001");
        var (mona, _) = await h.LoggedInAsync("9001");

        await mona.SetAgentStateAsync(AgentState.Busy, "meeting", "1001");
        await aliceLog.WaitAsync<AgentStateEventArgs>(e => e.State == 3);
        Assert.Equal(AgentState.Busy, alice.AgentState);
        Assert.Equal("meeting", alice.AgentStateReason);
        Assert.Null(mona.AgentState is AgentState.Busy ? "wrong" : null);

        await mona.LogoffAsync(new LogoffOptions { AgentId = "1001" });
        var forced = await aliceLog.WaitAsync<ForceOfflineEventArgs>();
        Assert.False(string.IsNullOrEmpty(forced.EventMessage));
        await LoginEndToEndTests.WaitUntil(() => aliceLog.SessionEnds.Count == 1);
        Assert.Equal(SessionEndReason.ForceOffline, aliceLog.SessionEnds[0].Reason);
        Assert.Equal(SessionState.Idle, alice.State);
        Assert.DoesNotContain(aliceLog.Events, e => e is ReconnectEventArgs);
        Assert.Equal(SessionState.LoggedIn, mona.State);
    }

    [Fact]
    public async Task Open_api_call_is_auto_answered_when_enabled()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.AgentAnswerDelay = TimeSpan.FromSeconds(30));
        var (alice, aliceLog) = await h.LoggedInAsync("1001");
        alice.SetApiCallAutoAnswer(true);
        using var http = new HttpClient();
        var api = new DkyOpenApiClient(http, new Uri(h.Emulator.BaseUrl, "gw2/"), TestOptions.ProjectId, TestOptions.Token);

        var placed = await api.PlaceCallAsync("1001", "13800138000");
        var ring = await aliceLog.WaitAsync<RingEventArgs>(r => r.Data!.CallLeg == CallLeg.Agent);
        Assert.Equal(CallType.ApiOutbound, ring.Data!.CallType);
        Assert.Equal(placed.LinkedId, ring.LinkedId);
        await aliceLog.WaitAsync<AnswerEventArgs>(a => a.Data!.CallLeg == CallLeg.Agent, timeoutSeconds: 5);

        var wrongToken = new DkyOpenApiClient(http, new Uri(h.Emulator.BaseUrl, "gw2/"), TestOptions.ProjectId, "wrong");
        var ex = await Assert.ThrowsAsync<DkyException>(() => wrongToken.PlaceCallAsync("1002", "13800138000"));
        Assert.Equal(DkyErrorCodes.Forbidden, ex.Code);
    }
}
