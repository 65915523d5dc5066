using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DkCloud.Emulator.Tests;

[Trait("Category", "EndToEnd")]
public sealed class CallTests
{
    [Fact]
    public async Task Placecall_runs_the_outbound_leg_sequence_of_protocol_4_1()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");

        var response = await alice.RequestAsync("placecall", new JsonObject { ["callednum"] = "18234554910", ["userfield"] = "order-42" });
        var linkedId = (string)response["data"]!["linkedId"]!;
        var customerAnswered = await alice.PushAsync("ANSWERED", "customer");
        Assert.Equal("外呼通话中", (string?)(await alice.RequestAsync("agentstate"))["data"]!["currentState"]);
        var hangupResponse = await alice.RequestAsync("hangup");
        var agentHangup = await alice.PushAsync("HANGUP", "agent");
        var realTime = await alice.PushAsync("realTimeData");

        Assert.Equal("200", (string?)response["code"]);
        Assert.Equal("placecall", (string?)response["type"]);
        Assert.StartsWith("cti2-", linkedId, StringComparison.Ordinal);
        Assert.Equal(linkedId, (string?)hangupResponse["data"]!["linkedId"]);
        Assert.Equal(
            ["RINGING agent", "ANSWERED agent", "RINGING customer", "ANSWERED customer", "HANGUP customer", "HANGUP agent"],
            alice.CallEvents());
        var data = customerAnswered["data"]!;
        Assert.Equal("0", (string?)data["callType"]);
        Assert.Equal("out", (string?)data["option"]);
        Assert.Equal("18234554910", (string?)data["customerTelNumber"]);
        Assert.Equal("order-42", (string?)data["originateUserField"]);
        Assert.Contains("|", (string?)data["customerTelCity"], StringComparison.Ordinal);
        Assert.True(DateTime.TryParseExact((string?)data["eventTime"], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.Null(customerAnswered["createTime"]);
        Assert.Equal("SUCCESS", (string?)customerAnswered["message"]);
        Assert.Equal("18234554910", (string?)customerAnswered["extension"]);
        Assert.Equal(EmulatorFixture.WrapupSeconds, (int?)agentHangup["data"]!["wrapupTime"]);
        Assert.Equal("1", (string?)agentHangup["data"]!["answerStatusCode"]);
        Assert.Equal(1, (int?)realTime["data"]!["callCount"]);
        Assert.Equal(1, (int?)realTime["data"]!["effectiveCallCount"]);
        Assert.Equal("整理", (string?)(await alice.RequestAsync("agentstate"))["data"]!["currentState"]);
    }

    [Theory]
    [InlineData("99912345678", "10000", "外呼号码为黑名单号码")]
    [InlineData("00012345678", "26", "外呼号码触发风控")]
    [InlineData("12a45", "400", "被叫号码格式错误")]
    public async Task Placecall_is_refused_for_blacklisted_risky_and_malformed_numbers(string number, string code, string message)
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");

        var response = await alice.RequestAsync("placecall", new JsonObject { ["callednum"] = number });

        Assert.Equal(code, (string?)response["code"]);
        Assert.Equal(message, (string?)response["message"]);
        Assert.Null(emulator.GetAgent(TestAgent.Project, "1001")!.CurrentLinkedId);
    }

    [Fact]
    public async Task A_busy_customer_ends_the_call_with_dialCode_486_and_a_second_placecall_during_a_call_gets_500()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        emulator.SetCustomer("13900000001", new CustomerBehavior { AnswerAfter = TimeSpan.FromSeconds(30), NoAnswer = true });
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");

        await alice.RequestAsync("placecall", new JsonObject { ["callednum"] = "13900000001" });
        var second = await alice.RequestAsync("placecall", new JsonObject { ["callednum"] = "13900000002" });
        await alice.RequestAsync("hangup");
        await alice.PushAsync("HANGUP", "agent");
        var third = await alice.RequestAsync("placecall", new JsonObject { ["callednum"] = "13800000486" });
        var busyCall = (string?)third["data"]!["linkedId"];
        var busy = await alice.WaitAsync(m => (string?)m["type"] == "HANGUP" && (string?)m["data"]?["callLeg"] == "customer" && (string?)m["data"]?["linkedId"] == busyCall);

        Assert.Equal("500", (string?)second["code"]);
        Assert.Equal("当前通话未结束", (string?)second["message"]);
        Assert.Equal("486", (string?)busy["data"]!["dialCode"]);
        Assert.Equal("0", (string?)busy["data"]!["answerStatusCode"]);
    }

    [Fact]
    public async Task An_injected_inbound_call_rings_the_agent_who_answers_and_the_customer_hangs_up()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");

        var linkedId = await emulator.InjectInboundCallAsync(TestAgent.Project, "1001", "18112345678");
        var ring = await alice.PushAsync("RINGING", "agent");
        var answer = await alice.RequestAsync("answer");
        var answered = await alice.PushAsync("ANSWERED", "agent");
        var state = await alice.RequestAsync("agentstate");
        var dtmf = await alice.RequestAsync("playdtmf", new JsonObject { ["digit"] = "802#" });
        await emulator.HangupCustomerAsync(linkedId);
        await alice.PushAsync("HANGUP", "agent");

        Assert.Equal("in", (string?)ring["data"]!["option"]);
        Assert.Equal(linkedId, (string?)ring["data"]!["linkedId"]);
        Assert.Equal("200", (string?)answer["code"]);
        Assert.Equal("200", (string?)answered["data"]!["dialCode"]);
        Assert.Equal("通话中", (string?)state["data"]!["currentState"]);
        Assert.Equal("18112345678", (string?)state["data"]!["telb"]);
        Assert.Equal("in", (string?)state["data"]!["option"]);
        Assert.Equal("802#", (string?)dtmf["data"]!["digit"]);
        Assert.Equal(["802#"], emulator.ReceivedDtmf(linkedId));
        Assert.Equal(["RINGING agent", "ANSWERED agent", "HANGUP customer", "HANGUP agent"], alice.CallEvents());
    }

    [Fact]
    public async Task Rejecting_an_inbound_call_pushes_incomingNotConnectedHangup_and_sets_the_agent_busy()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");

        var linkedId = await emulator.InjectInboundCallAsync(TestAgent.Project, "1001", "18112345678");
        await alice.PushAsync("RINGING", "agent");
        var reject = await alice.RequestAsync("reject");
        var hangup = await alice.PushAsync("HANGUP", "agent");
        var notConnected = await alice.PushAsync("incomingNotConnectedHangup");

        Assert.Equal("200", (string?)reject["code"]);
        Assert.Equal("603", (string?)hangup["data"]!["dialCode"]);
        Assert.Equal(0, (int?)hangup["data"]!["wrapupTime"]);
        Assert.Equal(linkedId, (string?)notConnected["data"]!["linkedId"]);
        Assert.Equal(3, (int?)notConnected["data"]!["agentState"]);
        Assert.Equal(3, emulator.GetAgent(TestAgent.Project, "1001")!.State);
    }

    [Fact]
    public async Task An_unanswered_inbound_call_rings_out()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");

        await emulator.InjectInboundCallAsync(TestAgent.Project, "1001", "18112345678");
        var hangup = await alice.PushAsync("HANGUP", "agent");
        var notConnected = await alice.PushAsync("incomingNotConnectedHangup");

        Assert.Equal("480", (string?)hangup["data"]!["dialCode"]);
        Assert.Equal("呼叫超时,座席状态已自动置忙", (string?)notConnected["data"]!["message"]);
    }

    [Fact]
    public async Task Hold_unhold_and_mute_follow_the_call()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");

        var noCall = await alice.RequestAsync("hold");
        await emulator.InjectInboundCallAsync(TestAgent.Project, "1001", "18112345678");
        await alice.PushAsync("RINGING", "agent");
        await alice.RequestAsync("answer");
        var notHeld = await alice.RequestAsync("unhold");
        var hold = await alice.RequestAsync("hold");
        var held = emulator.GetAgent(TestAgent.Project, "1001")!.OnHold;
        var unhold = await alice.RequestAsync("unhold");
        var mute = await alice.RequestAsync("mute");

        Assert.Equal("500", (string?)noCall["code"]);
        Assert.Equal("当前无通话", (string?)noCall["message"]);
        Assert.Equal("500", (string?)notHeld["code"]);
        Assert.Equal("hold", (string?)hold["data"]!["mode"]);
        Assert.Equal("通话保持开启", (string?)hold["data"]!["description"]);
        Assert.Equal(hold["requestId"]!.ToString(), (string?)hold["data"]!["requestId"]);
        Assert.True(held);
        Assert.Equal("unhold", (string?)unhold["data"]!["mode"]);
        Assert.Equal("mute", (string?)mute["data"]!["mode"]);
        Assert.True(emulator.GetAgent(TestAgent.Project, "1001")!.Muted);
        Assert.False(emulator.GetAgent(TestAgent.Project, "1001")!.OnHold);
    }

    [Fact]
    public async Task A_monitor_sets_another_agents_state_and_that_agent_gets_an_agentState_push()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");
        await using var mona = await TestAgent.LoginAsync(emulator, "9001");

        var own = await alice.RequestAsync("setagentstate", new JsonObject { ["state"] = 3, ["reason"] = "meeting" });
        var byMonitor = await mona.RequestAsync("setagentstate", new JsonObject { ["agentId"] = "1001", ["state"] = 2 });
        var push = await alice.PushAsync("agentState");

        Assert.Equal(3, (int?)own["data"]!["state"]);
        Assert.Equal("meeting", (string?)own["data"]!["reason"]);
        Assert.Equal("200", (string?)byMonitor["code"]);
        Assert.Equal(2, (int?)push["data"]!["state"]);
        Assert.Equal("100100100101001", (string?)push["data"]!["agentNumber"]);
        Assert.Equal(2, emulator.GetAgent(TestAgent.Project, "1001")!.State);
    }
}
