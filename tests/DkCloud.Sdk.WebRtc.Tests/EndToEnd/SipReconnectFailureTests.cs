using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using DkCloud.Emulator;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.WebRtc.Integration;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.EndToEnd;

/// <summary>A SIP server that stays down: ten reconnect attempts on the softphone's clock, then the session ends.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "Fault")]
public sealed class SipReconnectFailureTests
{
    [Fact]
    public async Task Ten_failed_sip_reconnects_raise_reconnect_fail_and_end_the_session()
    {
        await using var emulator = await DkCloudEmulator.StartAsync();
        var sipClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var events = new ConcurrentQueue<ReconnectEventArgs>();
        var ended = new TaskCompletionSource<SessionEndedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new DkyClient(new DkyOptions
        {
            ProjectId = WebRtcAgent.ProjectId,
            AgentNumber = "1001",
            Token = "demo-token",
            InitType = ExtensionType.WebRtc,
            ExtensionNumber = "2001",
            ExtensionPassword = "123456",
            AgentWebSocketUrl = emulator.AgentWebSocketUrl,
            Softphone = new WebRtcSoftphoneFactory { TimeProvider = sipClock },
        });
        client.Reconnect += (_, e) => events.Enqueue(e);
        client.SessionEnded += (_, e) => ended.TrySetResult(e);
        await client.InitAsync();

        emulator.RefuseSipConnections = true;
        Assert.True(emulator.DropSipConnection("2001"));

        // Each backoff delay (1 s doubling up to 30 s, ±30 %) passes on the fake clock; each attempt is refused for real.
        for (var step = 0; step < 400 && !ended.Task.IsCompleted; step++)
        {
            sipClock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(25);
        }

        var end = await ended.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SessionEndReason.ReconnectFailed, end.Reason);
        var sip = events.Where(e => e.Type == "sip").ToList();
        Assert.Equal(Enumerable.Range(1, 10), sip.Where(e => e.State == "reconnecting").Select(e => e.Num));
        Assert.Equal("reconnectFail", sip.Last().State);
        Assert.DoesNotContain(events, e => e.Type == "agent");
    }
}
