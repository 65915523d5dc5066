using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;
using DkCloud.Sdk.WebRtc.Turn;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Turn;

/// <summary>TURN message flows against <see cref="FakeTurnServer"/> over real UDP on loopback.</summary>
public class TurnClientTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    internal static TurnClientOptions Options(IPEndPoint server, string password = FakeTurnServer.Pass) => new()
    {
        Server = server,
        Username = FakeTurnServer.User,
        Password = password,
        LocalEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
    };

    [Fact]
    public async Task Allocate_AnswersTheChallenge_AndReportsRelayedAndMappedAddresses()
    {
        using var server = new FakeTurnServer();
        using var client = new TurnClient(Options(server.EndPoint));
        TurnAllocationEventArgs? allocated = null;
        client.Allocated += (_, e) => allocated = e;

        IPEndPoint relayed = await client.AllocateAsync().WaitAsync(Limit);

        Assert.Equal(server.RelayEndPoint, relayed);
        Assert.Equal(client.LocalEndPoint, client.MappedEndPoint);
        Assert.Equal(new[] { "Allocate/401", "Allocate" }, server.Log.Distinct().ToArray());
        Assert.Equal(TimeSpan.FromSeconds(600), client.Lifetime);
        Assert.NotNull(allocated);
        Assert.Equal(relayed, allocated!.Relayed);
    }

    [Fact]
    public async Task StaleNonce_IsRetriedOnceWithTheNewNonce()
    {
        using var server = new FakeTurnServer();
        using var client = new TurnClient(Options(server.EndPoint));
        await client.AllocateAsync().WaitAsync(Limit);
        server.StaleNextRequest = true;

        await client.CreatePermissionAsync(new IPEndPoint(IPAddress.Loopback, 9)).WaitAsync(Limit);

        Assert.Equal(new[] { "Allocate/401", "Allocate", "CreatePermission/438", "CreatePermission" }, server.Log.Distinct().ToArray());
        Assert.True(client.HasPermission(new IPEndPoint(IPAddress.Loopback, 9)));
    }

    [Fact]
    public async Task LongNonce_FromTheServer_IsEchoedInFull()
    {
        using var server = new FakeTurnServer { Nonce = new string('n', 760) };
        using var client = new TurnClient(Options(server.EndPoint));

        await client.AllocateAsync().WaitAsync(Limit);

        Assert.Equal(new[] { "Allocate/401", "Allocate" }, server.Log.Distinct().ToArray());
    }

    [Fact]
    public async Task WrongPassword_FailsWith401_AfterOneAuthenticatedAttempt()
    {
        using var server = new FakeTurnServer();
        using var client = new TurnClient(Options(server.EndPoint, password: "wrong"));

        TurnException e = await Assert.ThrowsAsync<TurnException>(() => client.AllocateAsync().WaitAsync(Limit));

        Assert.Equal(TurnError.ErrorResponse, e.Error);
        Assert.Equal(401, e.StunErrorCode);
        Assert.Equal(new[] { "Allocate/401", "Allocate/401" }, server.Log.ToArray());
        Assert.Null(client.RelayedEndPoint);
    }

    [Fact]
    public async Task AllocationQuotaReached_IsATypedError()
    {
        using var server = new FakeTurnServer { AllocateError = 486 };
        using var client = new TurnClient(Options(server.EndPoint));

        TurnException e = await Assert.ThrowsAsync<TurnException>(() => client.AllocateAsync().WaitAsync(Limit));

        Assert.Equal(486, e.StunErrorCode);
    }

    [Fact]
    public async Task SilentServer_TimesOutAfterTheRetransmissions()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        TurnClientOptions options = Options((IPEndPoint)silent.LocalEndPoint!);
        options.Retransmission = new StunRetransmissionOptions { InitialRto = TimeSpan.FromMilliseconds(10), MaxRequests = 3, LastWaitMultiplier = 2 };
        using var client = new TurnClient(options);

        TurnException e = await Assert.ThrowsAsync<TurnException>(() => client.AllocateAsync().WaitAsync(Limit));

        Assert.Equal(TurnError.Timeout, e.Error);
        Assert.Equal(0, e.StunErrorCode);
    }

    [Fact]
    public async Task SendTo_WaitsForThePermission_ThenUsesIndications_ThenAChannel_BothWays()
    {
        using var server = new FakeTurnServer();
        using var client = new TurnClient(Options(server.EndPoint));
        var received = new System.Collections.Concurrent.BlockingCollection<(byte[] Data, IPEndPoint Peer)>();
        client.DataReceived = (data, peer) => received.Add((data.ToArray(), peer));
        IPEndPoint relayed = await client.AllocateAsync().WaitAsync(Limit);
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var peerEndPoint = (IPEndPoint)peer.Client.LocalEndPoint!;

        Assert.True(client.SendTo(new byte[] { 1, 2, 3 }, peerEndPoint));
        UdpReceiveResult first = await peer.ReceiveAsync().WaitAsync(Limit);
        Assert.Equal(new byte[] { 1, 2, 3 }, first.Buffer);
        Assert.Equal(relayed, first.RemoteEndPoint);
        Assert.True(client.HasPermission(peerEndPoint));

        await WaitUntil(() => client.ChannelOf(peerEndPoint) != 0);
        ushort channel = client.ChannelOf(peerEndPoint);
        Assert.InRange(channel, (ushort)0x4000, (ushort)0x4FFF);
        Assert.True(client.SendTo(new byte[] { 4, 5, 6, 7, 8 }, peerEndPoint));
        UdpReceiveResult second = await peer.ReceiveAsync().WaitAsync(Limit);
        Assert.Equal(new byte[] { 4, 5, 6, 7, 8 }, second.Buffer);
        Assert.Equal(1, server.ChannelDataFromClient);
        Assert.Equal(1, server.SendIndications);

        await peer.SendAsync(new byte[] { 9, 9 }, 2, relayed);
        Assert.True(received.TryTake(out var back, Limit));
        Assert.Equal(new byte[] { 9, 9 }, back.Data);
        Assert.Equal(peerEndPoint, back.Peer);
    }

    [Fact]
    public async Task ExplicitChannelBind_ThenPeerDataArrivesAsChannelData()
    {
        using var server = new FakeTurnServer();
        var clientOptions = Options(server.EndPoint);
        clientOptions.UseChannels = false;
        using var client = new TurnClient(clientOptions);
        var received = new System.Collections.Concurrent.BlockingCollection<(byte[] Data, IPEndPoint Peer)>();
        client.DataReceived = (data, peer) => received.Add((data.ToArray(), peer));
        IPEndPoint relayed = await client.AllocateAsync().WaitAsync(Limit);
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var peerEndPoint = (IPEndPoint)peer.Client.LocalEndPoint!;

        ushort channel = await client.BindChannelAsync(peerEndPoint).WaitAsync(Limit);
        await peer.SendAsync(new byte[] { 7, 7, 7 }, 3, relayed);

        Assert.Equal(0x4000, channel);
        Assert.True(received.TryTake(out var back, Limit));
        Assert.Equal(new byte[] { 7, 7, 7 }, back.Data);
        Assert.Equal(peerEndPoint, back.Peer);
        Assert.True(client.HasPermission(peerEndPoint));
    }

    [Fact]
    public async Task WithoutChannels_SendsStayIndications()
    {
        using var server = new FakeTurnServer();
        var clientOptions = Options(server.EndPoint);
        clientOptions.UseChannels = false;
        using var client = new TurnClient(clientOptions);
        await client.AllocateAsync().WaitAsync(Limit);
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var peerEndPoint = (IPEndPoint)peer.Client.LocalEndPoint!;

        for (int i = 0; i < 3; i++)
        {
            client.SendTo(new[] { (byte)i }, peerEndPoint);
            UdpReceiveResult got = await peer.ReceiveAsync().WaitAsync(Limit);
            Assert.Equal(new[] { (byte)i }, got.Buffer);
        }

        Assert.Equal(3, server.SendIndications);
        Assert.Equal(0, client.ChannelOf(peerEndPoint));
        Assert.DoesNotContain("ChannelBind", server.Log);
    }

    [Fact]
    public async Task RefreshTimer_RefreshesAMinuteBeforeExpiry_OnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        using var server = new FakeTurnServer();
        using var client = new TurnClient(Options(server.EndPoint), time);
        var refreshed = new TaskCompletionSource<TurnAllocationEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Refreshed += (_, e) => refreshed.TrySetResult(e);
        await client.AllocateAsync().WaitAsync(Limit);

        time.Advance(TimeSpan.FromSeconds(539));
        Assert.Empty(server.RefreshLifetimes);
        Task<string> next = server.Next("Refresh");
        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(Limit);
        TurnAllocationEventArgs e = await refreshed.Task.WaitAsync(Limit);

        Assert.Equal(TimeSpan.FromSeconds(600), e.Lifetime);
        Assert.Equal(new uint[] { 600 }, server.RefreshLifetimes.ToArray());
    }

    [Fact]
    public async Task FailedRefresh_WithoutReallocation_RaisesFailed_WithTheErrorCode()
    {
        var time = new FakeTimeProvider();
        using var server = new FakeTurnServer();
        TurnClientOptions options = Options(server.EndPoint);
        options.ReallocationAttempts = 0;
        using var client = new TurnClient(options, time);
        var failed = new TaskCompletionSource<TurnFailedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Failed += (_, e) => failed.TrySetResult(e);
        await client.AllocateAsync().WaitAsync(Limit);
        server.RefreshError = 437;

        time.Advance(TimeSpan.FromMinutes(9));
        TurnFailedEventArgs e = await failed.Task.WaitAsync(Limit);

        Assert.Equal(437, e.Error.StunErrorCode);
        Assert.Null(client.RelayedEndPoint);
        Assert.False(client.SendTo(new byte[] { 1 }, new IPEndPoint(IPAddress.Loopback, 9)));
    }

    [Fact]
    public async Task Permissions_AreRefreshedBeforeTheyExpire()
    {
        var time = new FakeTimeProvider();
        using var server = new FakeTurnServer();
        var options = Options(server.EndPoint);
        options.UseChannels = false;
        using var client = new TurnClient(options, time);
        await client.AllocateAsync().WaitAsync(Limit);
        var peer = new IPEndPoint(IPAddress.Loopback, 9);
        await client.CreatePermissionAsync(peer).WaitAsync(Limit);

        Task<string> next = server.Next("CreatePermission");
        time.Advance(TimeSpan.FromMinutes(4));
        await next.WaitAsync(Limit);

        Assert.Equal(2, server.Log.Count(m => m == "CreatePermission"));
    }

    [Fact]
    public async Task Channels_AreRefreshedBeforeTheyExpire()
    {
        var time = new FakeTimeProvider();
        using var server = new FakeTurnServer();
        using var client = new TurnClient(Options(server.EndPoint), time);
        await client.AllocateAsync().WaitAsync(Limit);
        var peer = new IPEndPoint(IPAddress.Loopback, 9);
        ushort channel = await client.BindChannelAsync(peer).WaitAsync(Limit);

        Task<string> next = server.Next("ChannelBind");
        time.Advance(TimeSpan.FromMinutes(4));
        await next.WaitAsync(Limit);

        Assert.Equal(channel, client.ChannelOf(peer));
        Assert.Equal(2, server.Log.Count(m => m == "ChannelBind"));
    }

    [Fact]
    public async Task Release_SendsRefreshWithLifetimeZero()
    {
        using var server = new FakeTurnServer();
        using var client = new TurnClient(Options(server.EndPoint));
        await client.AllocateAsync().WaitAsync(Limit);

        await client.ReleaseAsync().WaitAsync(Limit);

        Assert.Equal(new uint[] { 0 }, server.RefreshLifetimes.ToArray());
        Assert.Null(client.RelayedEndPoint);
        TurnException e = await Assert.ThrowsAsync<TurnException>(() => client.CreatePermissionAsync(new IPEndPoint(IPAddress.Loopback, 9)));
        Assert.Equal(TurnError.NoAllocation, e.Error);
    }

    [Fact]
    public async Task Dispose_ReleasesTheAllocation_WithoutWaiting()
    {
        using var server = new FakeTurnServer();
        var client = new TurnClient(Options(server.EndPoint));
        await client.AllocateAsync().WaitAsync(Limit);
        Task<string> next = server.Next("Refresh");

        client.Dispose();
        await next.WaitAsync(Limit);

        Assert.Equal(new uint[] { 0 }, server.RefreshLifetimes.ToArray());
        TurnException e = await Assert.ThrowsAsync<TurnException>(() => client.RefreshAsync());
        Assert.Equal(TurnError.Disposed, e.Error);
    }

    [Theory]
    [InlineData(600, 540)]
    [InlineData(120, 60)]
    [InlineData(60, 30)]
    public void RefreshDelay_LeavesAMarginBeforeExpiry(int lifetime, int expected)
    {
        Assert.Equal(TimeSpan.FromSeconds(expected), TurnClient.RefreshDelay(TimeSpan.FromSeconds(lifetime)));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        DateTimeOffset end = TimeProvider.System.GetUtcNow() + Limit;
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < end, "Condition not met in time.");
            await Task.Delay(10);
        }
    }
}
