using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Emulator.Tests;

[Trait("Category", "EndToEnd")]
public sealed class ClockTests
{
    [Fact]
    public async Task Every_call_delay_goes_through_the_TimeProvider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 7, 12, 12, 20, 24, TimeSpan.Zero));
        await using var emulator = await DkCloudEmulator.StartAsync(new EmulatorOptions
        {
            TimeProvider = clock,
            AgentAnswerDelay = TimeSpan.FromSeconds(1),
            CustomerAnswerDelay = TimeSpan.FromSeconds(2),
            RingTimeout = TimeSpan.FromSeconds(30),
        });
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");

        await alice.RequestAsync("placecall", new JsonObject { ["callednum"] = "18234554910" });
        await alice.PushAsync("RINGING", "agent");
        await Task.Delay(100);
        Assert.Equal(["RINGING agent"], alice.CallEvents());

        clock.Advance(TimeSpan.FromSeconds(1));
        await alice.PushAsync("RINGING", "customer");
        clock.Advance(TimeSpan.FromSeconds(2));
        var answered = await alice.PushAsync("ANSWERED", "customer");
        clock.Advance(TimeSpan.FromSeconds(7));
        await alice.RequestAsync("hangup");
        var hangup = await alice.PushAsync("HANGUP", "customer");

        Assert.Equal("2024-07-12 12:20:27", (string?)answered["data"]!["eventTime"]);
        Assert.Equal("2024-07-12 12:20:27", (string?)hangup["data"]!["answerTime"]);
        Assert.Equal("2024-07-12 12:20:34", (string?)hangup["data"]!["endTime"]);
        Assert.Equal(7, (int?)hangup["data"]!["billsec"]);
        Assert.Equal(10, (int?)hangup["data"]!["duration"]);
        Assert.Equal(1, emulator.Requests.Count(r => r.Type == "placecall"));
    }
}
