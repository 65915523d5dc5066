using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DkCloud.Emulator.Tests;

[Trait("Category", "EndToEnd")]
public sealed class LoginTests
{
    [Fact]
    public async Task Login_succeeds_with_the_documented_envelope_and_pushes_realTimeData()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(emulator, "1001");

        var response = await agent.LoginAsync();

        Assert.Equal("200", (string?)response["code"]);
        Assert.Equal("成功", (string?)response["message"]);
        Assert.Equal("AgentLogin", (string?)response["eventType"]);
        Assert.Equal("agentlogin", (string?)response["type"]);
        Assert.Equal("100100100101001", (string?)response["agentId"]);
        Assert.Equal("100100100101001", (string?)response["innerAgentId"]);
        Assert.Equal("100100100101001", (string?)response["extension"]);
        Assert.Equal("abc123", (string?)response["crmId"]);
        Assert.True(response["createTime"]!.GetValue<long>() > 0);
        Assert.Equal(1, (int?)response["data"]!["agentRole"]);
        Assert.Equal("1001", (string?)response["data"]!["agentId"]);
        var realTime = await agent.PushAsync("realTimeData");
        Assert.Equal(0, (int?)realTime["data"]!["callCount"]);
        var snapshot = emulator.GetAgent(TestAgent.Project, "1001")!;
        Assert.True(snapshot.LoggedIn);
        Assert.Equal(2, snapshot.State);
        Assert.Equal("1001", snapshot.ExtensionNumber);
        Assert.Equal(1, snapshot.ConnectionCount);
    }

    [Fact]
    public async Task Login_with_a_wrong_token_gets_403_and_an_unknown_agent_20006()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(emulator, "1001");
        await using var stranger = await TestAgent.ConnectAsync(emulator, "4242");

        Assert.Equal("403", (string?)(await agent.LoginAsync(token: "wrong"))["code"]);
        Assert.Equal("20006", (string?)(await stranger.LoginAsync(extension: "1003"))["code"]);
        Assert.DoesNotContain(emulator.Requests, r => r.Type.Contains("token", System.StringComparison.Ordinal));
        Assert.Equal(2, emulator.Requests.Count(r => r.Type == "agentlogin"));
    }

    [Fact]
    public async Task Commands_before_login_get_20008_and_unknown_types_400()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(emulator, "1001");

        var refused = await agent.RequestAsync("placecall", new JsonObject { ["callednum"] = "13800138000" });
        var unknown = await agent.RequestAsync("teleport");
        await agent.SendTextAsync("{not json");
        var ping = await agent.RequestAsync("ping");

        Assert.Equal("20008", (string?)refused["code"]);
        Assert.Equal("error", (string?)refused["data"]!["state"]);
        Assert.Equal("400", (string?)unknown["code"]);
        Assert.Contains("teleport", (string?)unknown["message"], System.StringComparison.Ordinal);
        Assert.Equal("200", (string?)ping["code"]);
        Assert.Equal("ping", (string?)ping["type"]);
    }

    [Fact]
    public async Task A_second_login_gets_20010_and_continuelogin_squeezes_the_first_session()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var first = await TestAgent.LoginAsync(emulator, "1001");
        await using var second = await TestAgent.ConnectAsync(emulator, "1001");

        var conflict = await second.LoginAsync();
        var taken = await second.LoginAsync("continuelogin");
        var squeeze = await first.PushAsync("squeeze");
        await first.Closed.WaitAsync(System.TimeSpan.FromSeconds(5));

        Assert.Equal("20010", (string?)conflict["code"]);
        Assert.Equal("200", (string?)taken["code"]);
        Assert.Equal("AgentLogin", (string?)taken["eventType"]);
        Assert.Equal("1001", (string?)squeeze["data"]!["agentNumber"]);
        Assert.Equal(1, emulator.GetAgent(TestAgent.Project, "1001")!.ConnectionCount);
        Assert.Equal("200", (string?)(await second.RequestAsync("agentstate"))["code"]);
    }

    [Fact]
    public async Task A_monitor_logs_another_agent_off_and_an_ordinary_agent_may_not()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");
        await using var bob = await TestAgent.LoginAsync(emulator, "1002");
        await using var mona = await TestAgent.LoginAsync(emulator, "9001");

        var refused = await alice.RequestAsync("logoff", new JsonObject { ["agentId"] = "1002" });
        var done = await mona.RequestAsync("logoff", new JsonObject { ["agentId"] = "1002", ["bindState"] = "unbind" });
        var forced = await bob.PushAsync("forceOffline");
        await bob.Closed.WaitAsync(System.TimeSpan.FromSeconds(5));

        Assert.Equal("403", (string?)refused["code"]);
        Assert.Equal("200", (string?)done["code"]);
        Assert.Equal("100100100109001", (string?)forced["data"]!["monitorAgentId"]);
        Assert.Equal("当前座席被强制下线!", (string?)forced["data"]!["description"]);
        Assert.False(emulator.GetAgent(TestAgent.Project, "1002")!.LoggedIn);
    }

    [Fact]
    public async Task Extension_in_use_by_another_agent_gets_20005_and_a_switch_pushes_EXTENSION_BIND_UPDATE()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");
        await using var bob = await TestAgent.LoginAsync(emulator, "1002");

        var inUse = await bob.RequestAsync("extensionregister", new JsonObject { ["extensionNumber"] = "1001", ["initType"] = 1 });
        var missing = await bob.RequestAsync("extensionregister", new JsonObject { ["extensionNumber"] = "7777", ["initType"] = 1 });
        var switched = await bob.RequestAsync("switchextension", new JsonObject
        {
            ["type"] = 2, ["extensionNumber"] = "2002", ["extensionPassword"] = "123456",
        });
        var update = await bob.PushAsync("EXTENSION_BIND_UPDATE");

        Assert.Equal("20005", (string?)inUse["code"]);
        Assert.Equal("20003", (string?)missing["code"]);
        Assert.Equal("200", (string?)switched["code"]);
        Assert.Equal(2, (int?)update["data"]!["extensionType"]);
        Assert.Equal("100100100102002", (string?)update["data"]!["extension"]);
        Assert.Equal(2, emulator.GetAgent(TestAgent.Project, "1002")!.ExtensionType);
    }

    [Fact]
    public async Task Dropping_a_connection_aborts_the_socket_but_keeps_the_agent_logged_in()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");

        await emulator.DropConnectionAsync(TestAgent.Project, "1001");
        await alice.Closed.WaitAsync(System.TimeSpan.FromSeconds(5));
        await using var again = await TestAgent.ConnectAsync(emulator, "1001");
        var relogin = await again.LoginAsync();

        Assert.Equal("200", (string?)relogin["code"]);
        Assert.True(emulator.GetAgent(TestAgent.Project, "1001")!.LoggedIn);
    }
}
