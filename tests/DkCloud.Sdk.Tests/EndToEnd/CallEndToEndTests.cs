using System;
using System.Linq;
using System.Threading.Tasks;
using DkCloud.Emulator;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Tests.Support;
using Xunit;

namespace DkCloud.Sdk.Tests.EndToEnd;

[Trait("Category", "EndToEnd")]
public sealed class CallEndToEndTests
{
    [Fact]
    public async Task Outbound_call_raises_every_leg_in_order_and_is_tracked()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync();
        log.Clear();

        var call = await client.CallPhoneAsync(new CallPhoneRequest("13800138000") { UserField = "b3JkZXItNDI=" });
        var callphone = await log.WaitAsync<CallPhoneEventArgs>();
        Assert.Equal(call.LinkedId, callphone.Data!.LinkedId);
        await log.WaitAsync<AnswerEventArgs>(a => a.Data!.CallLeg == CallLeg.Customer);

        var legs = log.Events.OfType<CallEventArgs>().Select(e => $"{e.EventName}/{e.Data!.CallLeg}").ToList();
        Assert.Equal(new[] { "dky:ring/Agent", "dky:answer/Agent", "dky:ring/Customer", "dky:answer/Customer" }, legs);
        Assert.All(log.Events.OfType<CallEventArgs>(), e => Assert.Equal(call.LinkedId, e.LinkedId));
        var tracked = client.Calls.Current!;
        Assert.Equal(call.LinkedId, tracked.LinkedId);
        Assert.Equal(CallPhase.Connected, tracked.Phase);
        Assert.Equal(CallDirection.Outbound, tracked.Direction);
        Assert.Equal("13800138000", tracked.CustomerNumber);

        await client.HangupAsync();
        var agentHangup = await log.WaitAsync<HangupEventArgs>(e => e.Data!.CallLeg == CallLeg.Agent);
        Assert.Equal(2, agentHangup.Data!.WrapupTime);
        Assert.Equal(CallPhase.Ended, agentHangup.Call!.Phase);
        Assert.Equal(2, client.Calls.WrapupRemainingSeconds);
        await log.WaitAsync<RealTimeDataEventArgs>(r => r.CallCount == 1);
    }

    [Fact]
    public async Task Raw_keeps_fields_the_typed_event_does_not_know()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StampPushes = true);
        var (client, log) = await h.LoggedInAsync();
        log.Clear();

        await client.CallPhoneAsync(new CallPhoneRequest("13800138000"));
        var ring = await log.WaitAsync<RingEventArgs>(e => e.Data!.CallLeg == CallLeg.Agent);

        // A call push's Raw is the whole message, as the JS SDK hands it to a listener; the stamp is in its data.
        var data = ring.Raw.GetProperty("data");
        Assert.Equal(System.Text.Json.JsonValueKind.String, data.GetProperty("emulatorSentAt").ValueKind);
        Assert.Equal("RINGING", data.GetProperty("eventType").GetString());
        Assert.Equal("RINGING", ring.Raw.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Hold_mute_dtmf_and_satisfaction_during_a_call()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync();
        var call = await client.CallPhoneAsync(new CallPhoneRequest("13800138000"));
        await log.WaitAsync<AnswerEventArgs>(a => a.Data!.CallLeg == CallLeg.Customer);

        await client.HoldAsync();
        Assert.Equal("hold", (await log.WaitAsync<HoldEventArgs>(e => e.Mode == "hold")).Mode);
        Assert.True(client.Calls.Current!.IsHeld);
        Assert.True(h.Emulator.GetAgent(TestOptions.ProjectId, "1001")!.OnHold);
        await client.UnholdAsync();
        await log.WaitAsync<HoldEventArgs>(e => e.Mode == "unhold");
        Assert.False(client.Calls.Current!.IsHeld);
        var again = await Assert.ThrowsAsync<DkyException>(() => client.UnholdAsync());
        Assert.Equal(DkyErrorCodes.ServerBusy, again.Code);

        await client.MuteAsync();
        await log.WaitAsync<AgentMuteEventArgs>(e => e.Mode == "mute");
        Assert.True(client.Calls.Current!.IsMuted);
        await client.UnmuteAsync();
        await log.WaitAsync<AgentMuteEventArgs>(e => e.Mode == "unmute");
        Assert.False(client.Calls.Current!.IsMuted);

        await client.SendDtmfAsync("802#");
        Assert.Equal("802#", (await log.WaitAsync<PlayDtmfEventArgs>()).Digit);
        Assert.Equal("802#", string.Concat(h.Emulator.ReceivedDtmf(call.LinkedId)));

        await client.ServiceLevelAsync();
        Assert.True((await log.WaitAsync<ServiceLevelEventArgs>()).IsSuccess);
    }

    [Fact]
    public async Task In_call_commands_without_a_call_fail_with_500()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, _) = await h.LoggedInAsync();
        foreach (var command in new Func<Task>[] { () => client.HoldAsync(), () => client.MuteAsync(), () => client.HangupAsync(), () => client.SendDtmfAsync("1") })
        {
            var ex = await Assert.ThrowsAsync<DkyException>(command);
            Assert.Equal(DkyErrorCodes.ServerBusy, ex.Code);
        }
    }

    [Theory]
    [InlineData("99912345678", DkyErrorCodes.Blacklisted)]
    [InlineData("00012345678", DkyErrorCodes.RiskControl)]
    public async Task Refused_numbers_map_to_their_codes(string number, int code)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync();
        var ex = await Assert.ThrowsAsync<DkyException>(() => client.CallPhoneAsync(new CallPhoneRequest(number)));
        Assert.Equal(code, ex.Code);
        var e = await log.WaitAsync<CallPhoneEventArgs>();
        Assert.False(e.IsSuccess);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Code);
    }

    [Fact]
    public async Task A_busy_customer_ends_the_call_with_486()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync();
        await client.CallPhoneAsync(new CallPhoneRequest("13800000486"));
        var hangup = await log.WaitAsync<HangupEventArgs>(e => e.Data!.CallLeg == CallLeg.Customer);
        Assert.Equal(486, hangup.Data!.DialStatus!.Code);
        Assert.Equal("用户忙", hangup.Data.DialStatus.MeaningZh);
    }

    [Fact]
    public async Task A_second_call_while_on_a_call_fails()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync();
        await client.CallPhoneAsync(new CallPhoneRequest("13800138000"));
        await log.WaitAsync<AnswerEventArgs>(a => a.Data!.CallLeg == CallLeg.Customer);
        var ex = await Assert.ThrowsAsync<DkyException>(() => client.CallPhoneAsync(new CallPhoneRequest("13800138001")));
        Assert.Equal(DkyErrorCodes.ServerBusy, ex.Code);
    }

    [Fact]
    public async Task Inbound_call_rings_and_is_answered()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync();
        var linkedId = await h.Emulator.InjectInboundCallAsync(TestOptions.ProjectId, "1001", "13900139000");
        var ring = await log.WaitAsync<RingEventArgs>();
        Assert.Equal(linkedId, ring.LinkedId);
        Assert.Equal(CallDirection.Inbound, ring.Data!.Direction);
        Assert.Equal(CallLeg.Agent, ring.Data.CallLeg);
        Assert.Equal("13900139000", ring.Data.CustomerTelNumber);

        await client.AnswerAsync();
        await log.WaitAsync<AnswerEventArgs>(a => a.LinkedId == linkedId);
        Assert.Equal(CallPhase.Connected, client.Calls.Find(linkedId)!.Phase);

        await h.Emulator.HangupCustomerAsync(linkedId);
        await log.WaitAsync<HangupEventArgs>(e => e.Data!.CallLeg == CallLeg.Agent);
        Assert.Equal(CallPhase.Ended, client.Calls.Current!.Phase);
    }

    [Fact]
    public async Task Rejected_inbound_call_sets_the_agent_busy()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync();
        var linkedId = await h.Emulator.InjectInboundCallAsync(TestOptions.ProjectId, "1001", "13900139000");
        await log.WaitAsync<RingEventArgs>();
        await client.RejectAsync();
        var missed = await log.WaitAsync<IncomingNotConnectedHangupEventArgs>();
        Assert.Equal(linkedId, missed.LinkedId);
        Assert.Equal(3, missed.AgentState);
        await log.WaitAsync<HangupEventArgs>(e => e.LinkedId == linkedId);
        Assert.Equal(AgentState.Busy, client.AgentState);
    }

    [Fact]
    public async Task Unanswered_inbound_call_rings_out()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.RingTimeout = TimeSpan.FromMilliseconds(300));
        var (client, log) = await h.LoggedInAsync();
        await h.Emulator.InjectInboundCallAsync(TestOptions.ProjectId, "1001", "13900139000");
        await log.WaitAsync<IncomingNotConnectedHangupEventArgs>();
        Assert.Equal(AgentState.Busy, client.AgentState);
    }

    [Fact]
    public async Task Agent_state_set_queried_and_pushed_by_the_back_office()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync();
        await client.SetAgentStateAsync(AgentState.Busy, "meeting");
        var set = await log.WaitAsync<AgentStateEventArgs>(e => e.State == 3);
        Assert.Equal("meeting", set.Reason);
        Assert.Equal(AgentState.Busy, client.AgentState);

        var status = await client.GetAgentStateAsync();
        Assert.Equal("置忙", status.CurrentState);
        Assert.Equal("Alice", status.AgentName);
        Assert.Equal(CallDirection.Unknown, status.Direction);
        Assert.NotNull(status.LoginDuration);

        await h.Emulator.SetAgentStateAsync(TestOptions.ProjectId, "1001", 2);
        await log.WaitAsync<AgentStateEventArgs>(e => e.State == 2);
        Assert.Equal(AgentState.Idle, client.AgentState);
    }

    [Fact]
    public async Task Switching_extension_and_back_office_rebinding_raise_their_events()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync();
        await client.SwitchExtensionAsync(new SwitchExtensionRequest(ExtensionType.Mobile, "13700137000"));
        var switched = await log.WaitAsync<SwitchExtensionEventArgs>();
        Assert.Equal("13700137000", switched.Extension);
        Assert.Equal(3, switched.ExtensionType);

        await h.Emulator.UpdateExtensionBindingAsync(TestOptions.ProjectId, "1001", "1003", 1);
        var update = await log.WaitAsync<ExtensionBindUpdateEventArgs>(e => e.Extension is not null && e.Extension.EndsWith("1003", StringComparison.Ordinal));
        Assert.Equal("EXTENSION_BIND_UPDATE", update.EventType);

        var webrtc = await Assert.ThrowsAsync<DkyException>(() => client.SwitchExtensionAsync(new SwitchExtensionRequest(ExtensionType.WebRtc, "2001")));
        Assert.Equal(DkyErrorCodes.SoftphoneRequired, webrtc.Code);
    }

    [Fact]
    public async Task Commands_before_init_fail_fast_with_a_connection_error()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, _) = h.Client();
        var ex = await Assert.ThrowsAsync<DkyConnectionException>(() => client.HoldAsync());
        Assert.Equal(ConnectionFailureKind.NotConnected, ex.Kind);
    }
}

/// <summary>The error path of each command that needs a call, a ringing call or a monitor.</summary>
[Trait("Category", "EndToEnd")]
public sealed class CommandErrorEndToEndTests
{
    public static TheoryData<string, int> Cases() => new()
    {
        { "answer", DkyErrorCodes.ServerBusy },
        { "reject", DkyErrorCodes.ServerBusy },
        { "atxfer", DkyErrorCodes.ServerBusy },
        { "blindMove", DkyErrorCodes.ServerBusy },
        { "meet", DkyErrorCodes.ServerBusy },
        { "serviceLevel", DkyErrorCodes.ServerBusy },
        { "forceHangup", DkyErrorCodes.Forbidden },
        { "setAgentStateOfAnother", DkyErrorCodes.Forbidden },
        { "switchToUnknownExtension", DkyErrorCodes.ExtensionNotFound },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Command_fails_with_the_servers_code(string command, int code)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, _) = await h.LoggedInAsync();
        Func<Task> act = command switch
        {
            "answer" => () => client.AnswerAsync(),
            "reject" => () => client.RejectAsync(),
            "atxfer" => () => client.AttendedTransferAsync(TransferTarget.Agent("1002")),
            "blindMove" => () => client.BlindTransferAsync(new BlindTransferRequest(BlindTransferMode.Agent, "1002")),
            "meet" => () => client.MeetAsync(new MeetRequest(TransferMode.Agent, "1002")),
            "serviceLevel" => () => client.ServiceLevelAsync(),
            "forceHangup" => () => client.ForceHangupAsync("1002"),
            "setAgentStateOfAnother" => () => client.SetAgentStateAsync(AgentState.Busy, null, "1002"),
            "switchToUnknownExtension" => () => client.SwitchExtensionAsync(new SwitchExtensionRequest(ExtensionType.IpPhone, "5555")),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
        var ex = await Assert.ThrowsAsync<DkyException>(act);
        Assert.Equal(code, ex.Code);
        Assert.False(string.IsNullOrEmpty(ex.ServerMessage));
        Assert.Equal(SessionState.LoggedIn, client.State);
    }

    [Fact]
    public async Task Agent_exit_before_login_fails_with_20008()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, _) = h.Client(configure: o => o.Mode = InitMode.Single);
        await client.InitAsync();
        var ex = await Assert.ThrowsAsync<DkyException>(() => client.AgentExitAsync());
        Assert.Equal(DkyErrorCodes.AgentNotLoggedIn, ex.Code);
    }
}
