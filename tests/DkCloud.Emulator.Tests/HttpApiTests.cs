using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DkCloud.Emulator.Tests;

[Trait("Category", "EndToEnd")]
public sealed class HttpApiTests
{
    private static string Sign(string projectId, string token, string timestamp) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(projectId + token + timestamp)));

    private static Uri PlaceCallUri(DkCloudEmulator emulator, string sign, string timestamp) =>
        new(emulator.AgentWebSocketUrl.ToString().Replace("ws://", "http://", StringComparison.Ordinal).Replace("/agent", "", StringComparison.Ordinal)
            + $"/gw2/dky-open-api/version-2.0.0/placecall?projectId={TestAgent.Project}&timestamp={timestamp}&sign={sign}");

    [Fact]
    public async Task The_open_api_checks_the_signature_and_places_a_call_of_callType_2()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");
        using var http = new HttpClient();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject { ["agentId"] = "1001", ["callednum"] = "18234554910" };

        using var wrong = await http.PostAsJsonAsync(PlaceCallUri(emulator, "0123456789abcdef0123456789abcdef", timestamp), body);
        var wrongBody = JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!;
        using var right = await http.PostAsJsonAsync(PlaceCallUri(emulator, Sign(TestAgent.Project, TestAgent.Token, timestamp), timestamp), body);
        var rightBody = JsonNode.Parse(await right.Content.ReadAsStringAsync())!;
        var ring = await alice.PushAsync("RINGING", "agent");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("403", (string?)wrongBody["code"]);
        Assert.Equal("签名错误", (string?)wrongBody["message"]);
        Assert.Equal("200", (string?)rightBody["code"]);
        Assert.Equal((string?)rightBody["data"]!["linkedId"], (string?)ring["data"]!["linkedId"]);
        Assert.Equal("2", (string?)ring["data"]!["callType"]);
        Assert.Contains(emulator.Requests, r => r.Type == "openapi/placecall" && r.AgentNumber == "1001");
    }

    [Fact]
    public async Task The_admin_api_injects_inbound_calls_and_lists_agents()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var bob = await TestAgent.LoginAsync(emulator, "1002");
        using var http = new HttpClient { BaseAddress = emulator.AdminUrl };

        using var inbound = await http.PostAsJsonAsync("inbound", new JsonObject
        {
            ["projectId"] = TestAgent.Project, ["agentNumber"] = "1002", ["customerNumber"] = "18112345678",
        });
        var linkedId = (string?)JsonNode.Parse(await inbound.Content.ReadAsStringAsync())!["linkedId"];
        await bob.PushAsync("RINGING", "agent");
        var agents = JsonNode.Parse(await http.GetStringAsync("agents"))!.AsArray();
        using var hangup = await http.PostAsync($"calls/{linkedId}/hangup", null);
        await bob.PushAsync("HANGUP", "agent");
        using var unknown = await http.PostAsync("calls/nope/hangup", null);

        Assert.Equal(HttpStatusCode.OK, inbound.StatusCode);
        Assert.Contains(agents, a => (string?)a!["agentNumber"] == "1002" && (string?)a["currentLinkedId"] == linkedId);
        Assert.Equal(HttpStatusCode.NoContent, hangup.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Dispose_is_idempotent_and_quick()
    {
        var emulator = await EmulatorFixture.StartAsync();
        var alice = await TestAgent.LoginAsync(emulator, "1001");
        var started = System.Diagnostics.Stopwatch.StartNew();

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();
        await alice.Closed.WaitAsync(TimeSpan.FromSeconds(3));
        await alice.DisposeAsync();

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"took {started.Elapsed}");
    }
}
