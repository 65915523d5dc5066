using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Turn;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Turn;

/// <summary>Allocating again after the allocation was lost, against <see cref="FakeTurnServer"/> on a fake clock.</summary>
public class TurnReallocationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    /// <summary>The server grants 120 s, so the client refreshes after 60 s, before any permission refresh (every 4 minutes).</summary>
    private static readonly TimeSpan FirstRefresh = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ServerRestart_RefreshGets437_ThenANewAllocation_WithChannelAndPermissionRestored()
    {
        var time = new TimerWatchingTimeProvider();
        using var server = new FakeTurnServer { GrantedLifetime = 120 };
        using var client = new TurnClient(TurnClientTests.Options(server.EndPoint), time);
        var received = new BlockingCollection<(byte[] Data, IPEndPoint Peer)>();
        client.DataReceived = (data, peer) => received.Add((data.ToArray(), peer));
        IPEndPoint before = await client.AllocateAsync().WaitAsync(Limit);
        using var channelPeer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var permissionPeer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var channelPeerEndPoint = (IPEndPoint)channelPeer.Client.LocalEndPoint!;
        var permissionPeerEndPoint = (IPEndPoint)permissionPeer.Client.LocalEndPoint!;
        ushort channel = await client.BindChannelAsync(channelPeerEndPoint).WaitAsync(Limit);
        await client.CreatePermissionAsync(permissionPeerEndPoint).WaitAsync(Limit);
        Task<TurnReallocatedEventArgs> reallocated = NextReallocation(client);
        bool failed = false;
        client.Failed += (_, _) => failed = true;

        server.Restart();
        time.Advance(FirstRefresh);
        TurnReallocatedEventArgs e = await reallocated.WaitAsync(Limit);

        IPEndPoint after = e.Relayed;
        Assert.Equal(before, e.Previous);
        Assert.NotEqual(before, after);
        Assert.Equal(server.RelayEndPoint, after);
        Assert.Equal(after, client.RelayedEndPoint);
        Assert.Equal(437, e.Reason.StunErrorCode);
        Assert.Equal(1, e.Attempts);
        Assert.Equal(2, server.Allocations);
        Assert.False(failed);
        string[] log = server.Log.ToArray();
        string[] afterRestart = log.Skip(Array.IndexOf(log, "Refresh/438")).ToArray();
        Assert.Equal(new[] { "Refresh/438", "Refresh/437", "Allocate" }, afterRestart.Take(3).ToArray());
        Assert.Equal(new[] { "ChannelBind", "CreatePermission" }, afterRestart.Skip(3).OrderBy(m => m, StringComparer.Ordinal).ToArray());
        Assert.Equal(channel, client.ChannelOf(channelPeerEndPoint));
        Assert.Contains(server.Channels, c => c.Key == channel && c.Value.Equals(channelPeerEndPoint));
        Assert.True(client.HasPermission(permissionPeerEndPoint));

        // Both ways through the new allocation: ChannelData to one peer, a Send indication to the other.
        Assert.True(client.SendTo(new byte[] { 1, 2, 3 }, channelPeerEndPoint));
        UdpReceiveResult viaChannel = await channelPeer.ReceiveAsync().WaitAsync(Limit);
        Assert.Equal(after, viaChannel.RemoteEndPoint);
        Assert.True(client.SendTo(new byte[] { 4, 5 }, permissionPeerEndPoint));
        UdpReceiveResult viaIndication = await permissionPeer.ReceiveAsync().WaitAsync(Limit);
        Assert.Equal(after, viaIndication.RemoteEndPoint);
        await channelPeer.SendAsync(new byte[] { 6 }, 1, after);
        Assert.True(received.TryTake(out var back, Limit));
        Assert.Equal(channelPeerEndPoint, back.Peer);
        Assert.Equal(1, server.ChannelDataFromClient);
    }

    [Fact]
    public async Task AllocateMismatch_OnTheSamePort_TheNextAttemptComesFromAnotherPort()
    {
        var time = new TimerWatchingTimeProvider();

        // The server refuses the refresh with 437 yet keeps the allocation of the client's 5-tuple.
        using var server = new FakeTurnServer { GrantedLifetime = 120 };
        using var client = new TurnClient(TurnClientTests.Options(server.EndPoint), time);
        IPEndPoint before = await client.AllocateAsync().WaitAsync(Limit);
        IPEndPoint firstPort = client.LocalEndPoint;
        Task<TurnReallocatedEventArgs> reallocated = NextReallocation(client);
        server.RefreshError = 437;

        time.Advance(FirstRefresh);
        await time.WhenCreated(TimeSpan.FromSeconds(1)).WaitAsync(Limit);
        time.Advance(TimeSpan.FromSeconds(1));
        TurnReallocatedEventArgs e = await reallocated.WaitAsync(Limit);

        Assert.Equal(2, e.Attempts);
        Assert.NotEqual(firstPort, client.LocalEndPoint);
        Assert.NotEqual(before, e.Relayed);
        Assert.Equal(new[] { "Refresh/437", "Allocate/437", "Allocate" }, server.Log.SkipWhile(m => m != "Refresh/437").ToArray());
    }

    [Fact]
    public async Task ServerGone_ReallocationBacksOff_1_2_4Seconds_ThenReportsFailed()
    {
        var time = new TimerWatchingTimeProvider();
        using var server = new FakeTurnServer { GrantedLifetime = 120 };
        using var client = new TurnClient(TurnClientTests.Options(server.EndPoint), time);
        await client.AllocateAsync().WaitAsync(Limit);
        var failed = new TaskCompletionSource<TurnFailedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Failed += (_, e) => failed.TrySetResult(e);
        bool reallocated = false;
        client.Reallocated += (_, _) => reallocated = true;
        server.Restart();
        server.AllocateError = 508;

        Task<string> first = server.Next("Allocate/508");
        time.Advance(FirstRefresh);
        await first.WaitAsync(Limit);
        DateTimeOffset lost = time.GetUtcNow();
        TimeSpan elapsed = TimeSpan.Zero;
        foreach (int seconds in new[] { 1, 2, 4 })
        {
            await time.WhenCreated(TimeSpan.FromSeconds(seconds)).WaitAsync(Limit);
            Assert.Equal(elapsed, time.GetUtcNow() - lost);
            elapsed += TimeSpan.FromSeconds(seconds);
            Task<string> next = server.Next("Allocate/508");
            time.Advance(TimeSpan.FromSeconds(seconds));
            await next.WaitAsync(Limit);
        }

        TurnFailedEventArgs e = await failed.Task.WaitAsync(Limit);

        Assert.Equal(508, e.Error.StunErrorCode);
        Assert.Equal(4, server.Log.Count(m => m == "Allocate/508"));
        Assert.Equal(TimeSpan.FromSeconds(7), time.GetUtcNow() - lost);
        Assert.False(reallocated);
        Assert.Null(client.RelayedEndPoint);
    }

    [Fact]
    public async Task BrokenConnection_OverTcp_ConnectsAgain_AndAllocatesAgain()
    {
        const TurnTransport transport = TurnTransport.Tcp;
        var time = new TimerWatchingTimeProvider();
        using var server = new FakeTurnServer(transport) { GrantedLifetime = 120 };
        TurnClientOptions options = TurnClientTests.Options(server.EndPoint);
        options.Transport = transport;
        using var client = new TurnClient(options, time);
        var received = new BlockingCollection<(byte[] Data, IPEndPoint Peer)>();
        client.DataReceived = (data, peer) => received.Add((data.ToArray(), peer));
        IPEndPoint before = await client.AllocateAsync().WaitAsync(Limit);
        IPEndPoint firstConnection = client.LocalEndPoint;
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var peerEndPoint = (IPEndPoint)peer.Client.LocalEndPoint!;
        ushort channel = await client.BindChannelAsync(peerEndPoint).WaitAsync(Limit);
        Task<TurnReallocatedEventArgs> reallocated = NextReallocation(client);

        server.DropConnection();
        TurnReallocatedEventArgs e = await reallocated.WaitAsync(Limit);

        Assert.Equal(before, e.Previous);
        Assert.NotEqual(before, e.Relayed);
        Assert.Equal(TurnError.SocketError, e.Reason.Error);
        Assert.NotEqual(firstConnection, client.LocalEndPoint);
        Assert.Equal(channel, client.ChannelOf(peerEndPoint));
        Assert.True(client.SendTo(new byte[] { 1, 2, 3, 4, 5 }, peerEndPoint));
        UdpReceiveResult got = await peer.ReceiveAsync().WaitAsync(Limit);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, got.Buffer);
        Assert.Equal(e.Relayed, got.RemoteEndPoint);
        await peer.SendAsync(new byte[] { 7, 7, 7 }, 3, e.Relayed);
        Assert.True(received.TryTake(out var back, Limit));
        Assert.Equal(new byte[] { 7, 7, 7 }, back.Data);
    }

    [Fact]
    public async Task Released_ThenA437_DoesNotAllocateAgain()
    {
        var time = new TimerWatchingTimeProvider();
        using var server = new FakeTurnServer { GrantedLifetime = 120 };
        using var client = new TurnClient(TurnClientTests.Options(server.EndPoint), time);
        await client.AllocateAsync().WaitAsync(Limit);
        await client.ReleaseAsync().WaitAsync(Limit);
        server.Restart();

        TurnException e = await Assert.ThrowsAsync<TurnException>(() => client.RefreshAsync());
        time.Advance(FirstRefresh);

        Assert.Equal(TurnError.NoAllocation, e.Error);
        Assert.Equal(1, server.Allocations);
        Assert.Null(client.RelayedEndPoint);
    }

    private static Task<TurnReallocatedEventArgs> NextReallocation(TurnClient client)
    {
        var done = new TaskCompletionSource<TurnReallocatedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reallocated += (_, e) => done.TrySetResult(e);
        return done.Task;
    }
}
