using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Protocol;
using DkCloud.Sdk.Session;
using DkCloud.Sdk.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.Tests.Unit;

public sealed class AgentSessionTests
{
    [Fact]
    public async Task A_request_times_out_on_its_clock_while_the_socket_does_not_take_its_frame()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var options = TestOptions.Valid();
        options.TimeProvider = clock;
        var socket = new SilentWebSocket();
        await using var session = new AgentSession(options, NullLogger.Instance, new NoListener(), (_, _) => Task.FromResult<WebSocket>(socket));
        await session.ConnectAsync(CancellationToken.None);

        var request = session.SendAsync(WireTypes.Ping, RequestData.Empty, CancellationToken.None, TimeSpan.FromSeconds(15), silent: true);
        Assert.Equal(1, socket.SendsStarted);
        Assert.False(request.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(15));
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    private sealed class NoListener : IAgentSessionListener
    {
        public void OnMessage(ServerMessage message, PendingRequest? pending)
        {
        }

        public void OnProtocolError(ProtocolErrorEventArgs error)
        {
        }

        public void OnClosed(LinkClosedInfo info)
        {
        }
    }
}
