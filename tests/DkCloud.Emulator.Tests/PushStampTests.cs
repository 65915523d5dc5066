using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DkCloud.Emulator.Tests;

public sealed class PushStampTests
{
    [Fact]
    public async Task Stamped_pushes_carry_the_send_time_inside_data_and_keep_every_other_field()
    {
        await using var emulator = await EmulatorFixture.StartAsync(stampPushes: true);
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");

        var before = Stopwatch.GetTimestamp();
        await alice.RequestAsync("placecall", new JsonObject { ["callednum"] = "18234554910" });
        var ringing = await alice.PushAsync("RINGING", "agent");
        var after = Stopwatch.GetTimestamp();

        var stamp = long.Parse((string)ringing["data"]!["emulatorSentAt"]!, NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.InRange(stamp, before, after);
        Assert.Equal("RINGING", (string?)ringing["data"]!["eventType"]);
        Assert.Equal("agent", (string?)ringing["data"]!["callLeg"]);
        Assert.Equal("RINGING", (string?)ringing["type"]);
    }

    [Fact]
    public async Task Pushes_are_not_stamped_by_default()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var alice = await TestAgent.LoginAsync(emulator, "1001");

        await alice.RequestAsync("placecall", new JsonObject { ["callednum"] = "18234554910" });
        var ringing = await alice.PushAsync("RINGING", "agent");

        Assert.False(ringing["data"]!.AsObject().ContainsKey("emulatorSentAt"));
    }

    [Theory]
    [InlineData("{\"type\":\"x\",\"data\":{\"a\":1}}", "{\"type\":\"x\",\"data\":{\"emulatorSentAt\":\"42\",\"a\":1}}")]
    [InlineData("{\"type\":\"x\",\"data\":{}}", "{\"type\":\"x\",\"data\":{\"emulatorSentAt\":\"42\"}}")]
    [InlineData("{\"type\":\"x\",\"data\":null}", "{\"type\":\"x\",\"data\":null}")]
    [InlineData("{\"type\":\"x\",\"msg\":\"\\\"data\\\":{\"}", "{\"type\":\"x\",\"msg\":\"\\\"data\\\":{\"}")]
    public void The_stamp_goes_first_into_the_data_object_and_nowhere_else(string message, string expected) =>
        Assert.Equal(expected, Hosting.PushStamp.Insert(message, 42));
}
