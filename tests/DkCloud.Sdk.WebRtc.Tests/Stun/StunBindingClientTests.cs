using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Stun;

public class StunBindingClientTests
{
    [Fact]
    public async Task Binding_OverRealUdp_ReturnsOurOwnLoopbackAddress()
    {
        // Real UDP, but the retransmission timer on a clock that does not move: exactly one request, however
        // long a loaded machine takes to answer.
        var clock = new FakeTimeProvider();
        using var responder = new TestStunResponder(clock);
        using var client = new StunBindingClient(new IPEndPoint(IPAddress.Loopback, 0), clock);

        IPEndPoint mapped = await client.BindAsync(responder.EndPoint).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(client.LocalEndPoint, mapped);
        Assert.Equal(1, client.RequestsSent);
    }

    [Fact]
    public async Task Retransmissions_FollowRto_WhenFirstTwoRequestsAreDropped()
    {
        var clock = new FakeTimeProvider();
        DateTimeOffset start = clock.GetUtcNow();
        using var responder = new TestStunResponder(clock, drop: 2);
        using var client = new StunBindingClient(new IPEndPoint(IPAddress.Loopback, 0), clock);

        Task<IPEndPoint> binding = client.BindAsync(responder.EndPoint);
        Assert.True(await responder.WaitForRequestAsync());

        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(1, client.RequestsSent);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, client.RequestsSent);
        Assert.True(await responder.WaitForRequestAsync());

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(2, client.RequestsSent);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, client.RequestsSent);
        Assert.True(await responder.WaitForRequestAsync());

        IPEndPoint mapped = await binding.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(client.LocalEndPoint, mapped);
        Assert.Equal(new[] { 0.0, 500, 1500 }, responder.RequestTimes.Select(t => (t - start).TotalMilliseconds));
    }

    [Fact]
    public async Task NoResponse_SendsSevenRequests_ThenTimesOutAfterSixteenRto()
    {
        var clock = new FakeTimeProvider();
        DateTimeOffset start = clock.GetUtcNow();
        using var responder = new TestStunResponder(clock, drop: int.MaxValue);
        using var client = new StunBindingClient(new IPEndPoint(IPAddress.Loopback, 0), clock);

        Task<IPEndPoint> binding = client.BindAsync(responder.EndPoint);
        Assert.True(await responder.WaitForRequestAsync());
        foreach (int at in new[] { 500, 1500, 3500, 7500, 15500, 31500 })
        {
            clock.Advance(start.AddMilliseconds(at) - clock.GetUtcNow());
            Assert.True(await responder.WaitForRequestAsync());
        }

        Assert.Equal(new[] { 0.0, 500, 1500, 3500, 7500, 15500, 31500 }, responder.RequestTimes.Select(t => (t - start).TotalMilliseconds));
        clock.Advance(start.AddMilliseconds(39499) - clock.GetUtcNow());
        Assert.False(binding.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        OperationCanceledException e = await Assert.ThrowsAsync<OperationCanceledException>(() => binding);
        Assert.IsType<TimeoutException>(e.InnerException);
        Assert.Equal(7, client.RequestsSent);
    }

    [Fact]
    public async Task ErrorResponse_IsReportedWithItsCode()
    {
        using var responder = new TestStunResponder(TimeProvider.System, errorCode: 300);
        using var client = new StunBindingClient(new IPEndPoint(IPAddress.Loopback, 0), TimeProvider.System);

        StunTransactionException e = await Assert.ThrowsAsync<StunTransactionException>(() => client.BindAsync(responder.EndPoint).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(StunTransactionError.ErrorResponse, e.Error);
        Assert.Equal(300, e.ErrorCode);
    }

    [Fact]
    public async Task CallerCancellation_IsNotATimeout()
    {
        var clock = new FakeTimeProvider();
        using var responder = new TestStunResponder(clock, drop: int.MaxValue);
        using var client = new StunBindingClient(new IPEndPoint(IPAddress.Loopback, 0), clock);
        using var cancellation = new System.Threading.CancellationTokenSource();

        Task<IPEndPoint> binding = client.BindAsync(responder.EndPoint, cancellation.Token);
        await cancellation.CancelAsync();

        OperationCanceledException e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => binding);
        Assert.Null(e.InnerException);
        Assert.Equal(cancellation.Token, e.CancellationToken);
    }

    [Fact]
    public void RetransmissionSchedule_IsPure()
    {
        var options = new StunRetransmissionOptions();
        Assert.Equal(
            new[] { 500.0, 1000, 2000, 4000, 8000, 16000, 8000 },
            Enumerable.Range(1, 7).Select(n => options.WaitAfter(n).TotalMilliseconds));
    }
}
