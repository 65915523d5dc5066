using System;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Ice;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Ice;

public class IceConsentTests
{
    [Fact]
    public async Task ConsentIsLost_ThirtySecondsAfterThePeerStopsAnswering_AndKeptWhileItAnswers()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        IceAgentOptions Options() => new()
        {
            AddressFilter = address => address.Equals(System.Net.IPAddress.Loopback),
            IncludeIPv6 = false,
            Randomizer = () => 0.5,
        };
        using var a = new IceAgent(IceRole.Controlling, Options(), clock);
        var b = new IceAgent(IceRole.Controlled, Options(), clock);
        try
        {
            var lost = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
            a.ConsentLost += (_, _) => lost.TrySetResult(clock.GetUtcNow());
            Task<IceCandidatePairEventArgs> selected = IceTestPair.NextSelection(a);
            await IceTestPair.ExchangeAsync(a, b);
            for (int i = 0; i < 400 && !selected.IsCompleted; i++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(50));
                await Task.Delay(2);
            }

            await selected.WaitAsync(IceTestPair.Limit);

            // A minute with the peer answering: consent checks every 5 s keep it fresh.
            long checksBefore = a.Counters.ChecksSent;
            await AdvanceAsync(clock, TimeSpan.FromSeconds(60));
            Assert.False(lost.Task.IsCompleted);
            Assert.False(a.IsConsentLost);
            Assert.InRange(a.Counters.ChecksSent - checksBefore, 10, 14);

            b.Dispose();
            DateTimeOffset stopped = clock.GetUtcNow();
            await AdvanceAsync(clock, TimeSpan.FromSeconds(25));
            Assert.False(lost.Task.IsCompleted);
            await AdvanceAsync(clock, TimeSpan.FromSeconds(15));

            DateTimeOffset lostAt = await lost.Task.WaitAsync(IceTestPair.Limit);
            Assert.InRange(lostAt - stopped, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(36));
            Assert.True(a.IsConsentLost);
        }
        finally
        {
            b.Dispose();
        }
    }

    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan total)
    {
        for (TimeSpan done = TimeSpan.Zero; done < total; done += TimeSpan.FromMilliseconds(500))
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(3);
        }
    }
}
