using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DkCloud.Emulator.Tests;

[Trait("Category", "EndToEnd")]
public sealed class TransferTests
{
    private static async Task<string> ConnectedInboundAsync(DkCloudEmulator emulator, TestAgent agent)
    {
        var linkedId = await emulator.InjectInboundCallAsync(TestAgent.Project, agent.AgentNumber, "18112345678");
        await agent.PushAsync("RINGING", "agent");
        await agent.RequestAsync("answer");
        await agent.PushAsync("ANSWERED", "agent");
        return linkedId;
    }

    [Fact]
    public async Task Consult_rings_the_target_with_callType_19_both_sides_see_it_and_atxferhangup_returns_to_the_customer()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");
        await using var bob = await TestAgent.LoginAsync(emulator, "1002");
        var linkedId = await ConnectedInboundAsync(emulator, alice);

        var consult = await alice.RequestAsync("consult", new JsonObject { ["mode"] = 0, ["atxferNumber"] = "1002" });
        var bobRing = await bob.PushAsync("RINGING", "agent");
        var aliceSeesRing = await alice.PushAsync("RINGING", "agent");
        Assert.Equal("被发起咨询振铃中", (string?)(await bob.RequestAsync("agentstate"))["data"]!["currentState"]);
        await bob.RequestAsync("answer");
        await bob.PushAsync("ANSWERED", "agent");
        await alice.PushAsync("ANSWERED", "agent");
        Assert.Equal("咨询通话中", (string?)(await alice.RequestAsync("agentstate"))["data"]!["currentState"]);
        var bobMayNotHangUp = await bob.RequestAsync("hangup");
        var back = await alice.RequestAsync("atxferhangup");
        var bobHangup = await bob.PushAsync("HANGUP", "agent");
        var again = await alice.RequestAsync("atxferhangup");

        Assert.Equal("0", (string?)consult["data"]!["mode"]);
        Assert.Equal("100100100101002", (string?)consult["data"]!["atxferAgentId"]);
        Assert.Equal("100100100101001", (string?)consult["data"]!["agentNumber"]);
        Assert.Equal("19", (string?)bobRing["data"]!["callType"]);
        Assert.Equal(linkedId, (string?)bobRing["data"]!["linkedId"]);
        Assert.Equal("18112345678", (string?)bobRing["data"]!["customerTelNumber"]);
        var transfer = bobRing["data"]!["transferMessage"]!.AsObject().Single().Value!;
        Assert.Equal("1001", (string?)transfer["initiateAgentId"]);
        Assert.Equal("1002", (string?)transfer["targetAgentId"]);
        Assert.NotNull((string?)transfer["transferTime"]);
        Assert.Equal("100100100101002", (string?)aliceSeesRing["data"]!["agentNumber"]);
        Assert.Equal("500", (string?)bobMayNotHangUp["code"]);
        Assert.Equal("200", (string?)back["code"]);
        Assert.Equal("19", (string?)bobHangup["data"]!["callType"]);
        Assert.Equal("500", (string?)again["code"]);
        Assert.Equal("当前坐席未处于咨询通话无法调用咨询接回", (string?)again["data"]!["description"]);
        Assert.Equal(linkedId, emulator.GetAgent(TestAgent.Project, "1001")!.CurrentLinkedId);
        Assert.Null(emulator.GetAgent(TestAgent.Project, "1002")!.CurrentLinkedId);
    }

    [Fact]
    public async Task Consulting_an_agent_who_is_not_logged_in_gets_20008()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");
        await ConnectedInboundAsync(emulator, alice);

        var consult = await alice.RequestAsync("consult", new JsonObject { ["mode"] = 0, ["atxferNumber"] = "1003" });

        Assert.Equal("20008", (string?)consult["code"]);
        Assert.Equal("咨询失败,当前座席未登录", (string?)consult["message"]);
    }

    [Fact]
    public async Task After_atxfer_the_initiator_hangs_up_and_the_customer_stays_with_the_target()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");
        await using var bob = await TestAgent.LoginAsync(emulator, "1002");
        var linkedId = await ConnectedInboundAsync(emulator, alice);

        await alice.RequestAsync("atxfer", new JsonObject { ["mode"] = 0, ["atxferNumber"] = "1002" });
        var ring = await bob.PushAsync("RINGING", "agent");
        await bob.RequestAsync("answer");
        await alice.PushAsync("ANSWERED", "agent");
        await alice.RequestAsync("hangup");
        await alice.PushAsync("HANGUP", "agent");
        Assert.Equal(linkedId, emulator.GetAgent(TestAgent.Project, "1002")!.CurrentLinkedId);
        await emulator.HangupCustomerAsync(linkedId);
        var customerGone = await bob.PushAsync("HANGUP", "customer");

        Assert.Equal("15", (string?)ring["data"]!["callType"]);
        Assert.Equal("15", (string?)customerGone["data"]!["callType"]);
        Assert.Null(emulator.GetAgent(TestAgent.Project, "1001")!.CurrentLinkedId);
    }

    [Fact]
    public async Task Blindmove_ends_the_initiators_leg_and_rings_the_target_with_callType_11()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");
        await using var bob = await TestAgent.LoginAsync(emulator, "1002");
        var linkedId = await ConnectedInboundAsync(emulator, alice);

        var move = await alice.RequestAsync("blindmove", new JsonObject { ["mode"] = 0, ["transferNumber"] = "1002" });
        await alice.PushAsync("HANGUP", "agent");
        var ring = await bob.PushAsync("RINGING", "agent");
        await bob.RequestAsync("answer");
        await bob.PushAsync("ANSWERED", "agent");

        Assert.Equal("100100100101002", (string?)move["data"]!["transferAgentId"]);
        Assert.Equal("11", (string?)ring["data"]!["callType"]);
        Assert.NotNull(ring["data"]!["transferMessage"]);
        Assert.Equal(linkedId, emulator.GetAgent(TestAgent.Project, "1002")!.CurrentLinkedId);
    }

    [Fact]
    public async Task Meet_makes_a_three_way_call_and_meethangup_retrieve_pushes_ANSWERED()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");
        await using var bob = await TestAgent.LoginAsync(emulator, "1002");
        await ConnectedInboundAsync(emulator, alice);

        var notInMeet = await alice.RequestAsync("meethangup", new JsonObject { ["type"] = "retrieve" });
        var meet = await alice.RequestAsync("meet", new JsonObject { ["mode"] = 0, ["agentId"] = "1001", ["meetrNumber"] = "1002" });
        var ring = await bob.PushAsync("RINGING", "agent");
        await bob.RequestAsync("answer");
        await alice.PushAsync("ANSWERED", "agent");
        var retrieve = await alice.RequestAsync("meethangup", new JsonObject { ["type"] = "retrieve" });
        await bob.PushAsync("HANGUP", "agent");
        var back = await alice.WaitAsync(m => (string?)m["type"] == "ANSWERED" && (string?)m["data"]!["agentNumber"] == "100100100101001");

        Assert.Equal("500", (string?)notInMeet["code"]);
        Assert.Equal("当前坐席未处于咨询三方通话无法调用咨询三方接回", (string?)notInMeet["data"]!["description"]);
        Assert.Equal("100100100101002", (string?)meet["data"]!["meetAgentId"]);
        Assert.Equal("17", (string?)ring["data"]!["callType"]);
        Assert.Equal("200", (string?)retrieve["code"]);
        Assert.Equal("agent", (string?)back["data"]!["callLeg"]);
    }
}
