using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Ice;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Tests.Ice;
using DkCloud.Sdk.WebRtc.Turn;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Turn;

/// <summary>ICE with a relayed candidate against <see cref="FakeTurnServer"/>.</summary>
public class IceRelayTests
{
    internal static IceAgentOptions RelayOnly(IPEndPoint server) => new()
    {
        AddressFilter = address => address.Equals(IPAddress.Loopback),
        IncludeIPv6 = false,
        RelayOnly = true,
        Turn = TurnClientTests.Options(server),
    };

    [Fact]
    public async Task Gathering_AddsARelayedCandidate_WithTypePreferenceZero()
    {
        using var server = new FakeTurnServer();
        IceAgentOptions options = IceTestPair.Loopback();
        options.Turn = TurnClientTests.Options(server.EndPoint);
        using var agent = new IceAgent(IceRole.Controlling, options);

        var candidates = await agent.GatherAsync().WaitAsync(IceTestPair.Limit);

        Assert.Equal(new[] { IceCandidateType.Host, IceCandidateType.Relayed }, candidates.Select(c => c.Type).ToArray());
        IceCandidate relay = candidates[1];
        Assert.Equal(server.RelayEndPoint, relay.EndPoint);
        Assert.Equal(0u, relay.Priority >> 24);
        Assert.Equal(IcePriority.Candidate(IceCandidateType.Relayed, 32767, 1), relay.Priority);
        Assert.NotNull(relay.RelatedEndPoint);
        Assert.Contains(" typ relay raddr 127.0.0.1 rport ", relay.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelayOnly_GathersNothingButTheRelay()
    {
        using var server = new FakeTurnServer();
        using var agent = new IceAgent(IceRole.Controlling, RelayOnly(server.EndPoint));

        var candidates = await agent.GatherAsync().WaitAsync(IceTestPair.Limit);

        IceCandidate only = Assert.Single(candidates);
        Assert.Equal(IceCandidateType.Relayed, only.Type);
    }

    [Fact]
    public async Task RelayedBase_AsksForAPermission_ForEachRemoteCandidate()
    {
        using var server = new FakeTurnServer();
        using var agent = new IceAgent(IceRole.Controlling, RelayOnly(server.EndPoint));
        await agent.GatherAsync().WaitAsync(IceTestPair.Limit);
        Task<string> permission = server.Next("CreatePermission");

        agent.AddRemoteCandidate(new IceCandidate("1", 1, 2130706431, new IPEndPoint(IPAddress.Loopback, 40000), IceCandidateType.Host));
        await permission.WaitAsync(IceTestPair.Limit);

        Assert.Equal(new[] { "Allocate/401", "Allocate", "CreatePermission" }, server.Log.ToArray());
    }

    [Fact]
    public async Task LostAllocation_FailsTheRelayedPairs_AndIsReported()
    {
        // The server grants 2 s, so the client refreshes after 1 s, and the server refuses that refresh; the client
        // does not try to allocate again.
        using var server = new FakeTurnServer { GrantedLifetime = 2, RefreshError = 437 };
        IceAgentOptions options = RelayOnly(server.EndPoint);
        options.Turn!.ReallocationAttempts = 0;
        using var agent = new IceAgent(IceRole.Controlling, options);
        await agent.GatherAsync().WaitAsync(IceTestPair.Limit);
        agent.AddRemoteCandidate(new IceCandidate("1", 1, 2130706431, new IPEndPoint(IPAddress.Loopback, 40000), IceCandidateType.Host));

        DateTimeOffset end = TimeProvider.System.GetUtcNow() + IceTestPair.Limit;
        while (agent.RelayError is null && TimeProvider.System.GetUtcNow() < end)
        {
            await Task.Delay(20);
        }

        TurnException error = Assert.IsType<TurnException>(agent.RelayError);
        Assert.Equal(437, error.StunErrorCode);
        Assert.All(agent.GetPairs(), pair => Assert.Equal(IceCandidatePairState.Failed, pair.State));
    }

    [Fact]
    public async Task ServerRestart_MovesTheRelayedCandidate_RestoresThePermission_AndRaisesTheEvent()
    {
        var time = new TimerWatchingTimeProvider();
        using var server = new FakeTurnServer { GrantedLifetime = 120 };
        using var agent = new IceAgent(IceRole.Controlling, RelayOnly(server.EndPoint), time);
        IceCandidate before = Assert.Single(await agent.GatherAsync().WaitAsync(IceTestPair.Limit));
        Task<string> permission = server.Next("CreatePermission");
        var remote = new IPEndPoint(IPAddress.Loopback, 40000);
        agent.AddRemoteCandidate(new IceCandidate("1", 1, 2130706431, remote, IceCandidateType.Host));
        await permission.WaitAsync(IceTestPair.Limit);
        var changed = new TaskCompletionSource<IceCandidateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.RelayedCandidateChanged += (_, e) => changed.TrySetResult(e);

        server.Restart();
        time.Advance(TimeSpan.FromSeconds(60));
        IceCandidateChangedEventArgs e = await changed.Task.WaitAsync(IceTestPair.Limit);

        Assert.Same(before, e.Previous);
        Assert.Equal(server.RelayEndPoint, e.Candidate.EndPoint);
        Assert.NotEqual(before.EndPoint, e.Candidate.EndPoint);
        Assert.Equal(IceCandidateType.Relayed, e.Candidate.Type);
        Assert.Equal(before.Priority, e.Candidate.Priority);
        Assert.Equal(new[] { e.Candidate }, agent.LocalCandidates);
        Assert.Contains(remote.Address, server.Permissions);
        Assert.Null(agent.RelayError);
        Assert.DoesNotContain(agent.GetPairs(), pair => pair.State == IceCandidatePairState.Failed);
    }

    [Fact]
    public async Task BrokenTcpConnection_NewRelayedCandidate_AfterAnIceRestart_CarriesMediaBothWays()
    {
        using var server = new FakeTurnServer(TurnTransport.Tcp);
        IceAgentOptions relayOptions = RelayOnly(server.EndPoint);
        relayOptions.Turn!.Transport = TurnTransport.Tcp;
        using var relayed = new IceAgent(IceRole.Controlling, relayOptions);
        using var direct = new IceAgent(IceRole.Controlled, IceTestPair.Loopback());
        var atDirect = new BlockingCollection<byte[]>();
        var atRelayed = new BlockingCollection<byte[]>();
        direct.DatagramHandler = (kind, datagram, _) => atDirect.Add(datagram.ToArray());
        relayed.DatagramHandler = (kind, datagram, _) => atRelayed.Add(datagram.ToArray());
        Task<IceCandidatePairEventArgs> selected = IceTestPair.NextSelection(direct);
        await IceTestPair.ExchangeAsync(relayed, direct);
        IPEndPoint before = (await selected.WaitAsync(IceTestPair.Limit)).Pair.Remote.EndPoint;
        var changed = new TaskCompletionSource<IceCandidateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        relayed.RelayedCandidateChanged += (_, e) => changed.TrySetResult(e);

        server.DropConnection();
        IceCandidateChangedEventArgs moved = await changed.Task.WaitAsync(IceTestPair.Limit);

        // The peer learns the new relayed address through an ICE restart with a new offer and answer.
        Task<IceCandidatePairEventArgs> relayedSelected = IceTestPair.NextSelection(relayed);
        Task<IceCandidatePairEventArgs> directSelected = IceTestPair.NextSelection(direct);
        relayed.Restart();
        direct.Restart();
        IceTestPair.Offer(relayed, direct);
        IceTestPair.Offer(direct, relayed);
        IceCandidatePairEventArgs a = await relayedSelected.WaitAsync(IceTestPair.Limit);
        IceCandidatePairEventArgs b = await directSelected.WaitAsync(IceTestPair.Limit);

        Assert.Equal(before, moved.Previous.EndPoint);
        Assert.Equal(moved.Candidate.EndPoint, a.Pair.Local.EndPoint);
        Assert.Equal(moved.Candidate.EndPoint, b.Pair.Remote.EndPoint);
        Assert.NotEqual(before, b.Pair.Remote.EndPoint);
        byte[] rtp = RtpLike(0x33);
        relayed.Send(rtp);
        Assert.True(atDirect.TryTake(out byte[]? got, IceTestPair.Limit));
        Assert.Equal(rtp, got);
        byte[] reply = RtpLike(0x44);
        direct.Send(reply);
        Assert.True(atRelayed.TryTake(out byte[]? back, IceTestPair.Limit));
        Assert.Equal(reply, back);
    }

    [Fact]
    public async Task RelayOnly_WithARefusingServer_FailsGathering_WithTheTurnError()
    {
        using var server = new FakeTurnServer { AllocateError = 403 };
        using var agent = new IceAgent(IceRole.Controlling, RelayOnly(server.EndPoint));

        await Assert.ThrowsAsync<InvalidOperationException>(() => agent.GatherAsync().WaitAsync(IceTestPair.Limit));
        TurnException error = Assert.IsType<TurnException>(agent.RelayError);
        Assert.Equal(403, error.StunErrorCode);
    }

    [Fact]
    public void RelayOnly_WithoutATurnServer_IsRejected()
    {
        var options = new IceAgentOptions { RelayOnly = true };

        Assert.Throws<ArgumentException>(() => new IceAgent(IceRole.Controlling, options));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RelayOnlyAgent_CompletesIce_AndCarriesMediaThroughTheRelay(bool relayControls)
    {
        IceRole relayRole = relayControls ? IceRole.Controlling : IceRole.Controlled;
        using var server = new FakeTurnServer();
        using var relayed = new IceAgent(relayRole, RelayOnly(server.EndPoint));
        using var direct = new IceAgent(relayRole == IceRole.Controlling ? IceRole.Controlled : IceRole.Controlling, IceTestPair.Loopback());
        var atDirect = new BlockingCollection<byte[]>();
        var atRelayed = new BlockingCollection<byte[]>();
        direct.DatagramHandler = (kind, datagram, _) => atDirect.Add(datagram.ToArray());
        relayed.DatagramHandler = (kind, datagram, _) => atRelayed.Add(datagram.ToArray());
        Task<IceCandidatePairEventArgs> relayedSelected = IceTestPair.NextSelection(relayed);
        Task<IceCandidatePairEventArgs> directSelected = IceTestPair.NextSelection(direct);

        await IceTestPair.ExchangeAsync(relayed, direct);
        IceCandidatePairEventArgs a = await relayedSelected.WaitAsync(IceTestPair.Limit);
        IceCandidatePairEventArgs b = await directSelected.WaitAsync(IceTestPair.Limit);

        Assert.Equal(IceCandidateType.Relayed, a.Pair.Local.Type);
        Assert.Equal(server.RelayEndPoint, b.Pair.Remote.EndPoint);
        byte[] rtp = RtpLike(0x11);
        relayed.Send(rtp);
        Assert.True(atDirect.TryTake(out byte[]? got, IceTestPair.Limit));
        Assert.Equal(rtp, got);
        byte[] reply = RtpLike(0x22);
        direct.Send(reply);
        Assert.True(atRelayed.TryTake(out byte[]? back, IceTestPair.Limit));
        Assert.Equal(reply, back);
        Assert.True(server.ChannelDataFromClient + server.SendIndications > 0);
    }

    private static byte[] RtpLike(byte marker)
    {
        var packet = new byte[40];
        packet[0] = 0x80;
        packet[1] = 0;
        packet[12] = marker;
        Assert.Equal(MediaPacketKind.Rtp, MediaPacketClassifier.Classify(packet));
        return packet;
    }
}
