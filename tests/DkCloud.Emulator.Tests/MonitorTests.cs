using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DkCloud.Emulator.Tests;

[Trait("Category", "EndToEnd")]
public sealed class MonitorTests
{
    [Fact]
    public async Task Chanspy_is_for_monitors_needs_a_call_and_rings_the_monitors_phone()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");
        await using var bob = await TestAgent.LoginAsync(emulator, "1002");
        await using var mona = await TestAgent.LoginAsync(emulator, "9001");
        var spy = new JsonObject { ["mode"] = 1, ["agentId"] = "1001", ["point"] = 0, ["monitorNumber"] = "9001" };

        var noCall = await mona.RequestAsync("chanspy", spy.DeepClone().AsObject());
        var linkedId = await emulator.InjectInboundCallAsync(TestAgent.Project, "1001", "18112345678");
        await alice.PushAsync("RINGING", "agent");
        await alice.RequestAsync("answer");
        var ordinary = await bob.RequestAsync("chanspy", spy.DeepClone().AsObject());
        var notThreeWay = await mona.RequestAsync("chanspy", new JsonObject { ["mode"] = 3, ["agentId"] = "1001", ["point"] = 0, ["monitorNumber"] = "9001" });
        var listen = await mona.RequestAsync("chanspy", spy.DeepClone().AsObject());
        var ring = await mona.PushAsync("RINGING", "agent");
        await mona.PushAsync("ANSWERED", "agent");
        var state = await mona.RequestAsync("agentstate");
        await emulator.HangupCustomerAsync(linkedId);
        await mona.PushAsync("HANGUP", "agent");

        Assert.Equal("500", (string?)noCall["code"]);
        Assert.Equal("监听失败,当前座席无通话", (string?)noCall["message"]);
        Assert.Equal("403", (string?)ordinary["code"]);
        Assert.Equal("监听失败,当前座席通话不是三方模式", (string?)notThreeWay["message"]);
        Assert.Equal("200", (string?)listen["code"]);
        Assert.Equal(1, (int?)listen["data"]!["mode"]);
        Assert.Equal(0, (int?)listen["data"]!["point"]);
        Assert.Equal("9001", (string?)listen["data"]!["monitorNumber"]);
        Assert.Equal("8", (string?)ring["data"]!["callType"]);
        Assert.Equal(linkedId, (string?)ring["data"]!["linkedId"]);
        Assert.Equal("监听中", (string?)state["data"]!["currentState"]);
        Assert.Null(emulator.GetAgent(TestAgent.Project, "9001")!.CurrentLinkedId);
    }

    [Fact]
    public async Task A_monitor_hangs_up_another_agents_call()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");
        await using var mona = await TestAgent.LoginAsync(emulator, "9001");
        await alice.RequestAsync("placecall", new JsonObject { ["callednum"] = "13800138000" });
        await alice.PushAsync("ANSWERED", "customer");

        var forced = await mona.RequestAsync("forcehangup", new JsonObject { ["agentId"] = "1001" });
        await alice.PushAsync("HANGUP", "agent");

        Assert.Equal("200", (string?)forced["code"]);
        Assert.Equal("1001", (string?)forced["data"]!["agentId"]);
        Assert.Null(emulator.GetAgent(TestAgent.Project, "1001")!.CurrentLinkedId);
    }
}
