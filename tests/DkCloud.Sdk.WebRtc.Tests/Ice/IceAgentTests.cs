using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Ice;
using DkCloud.Sdk.WebRtc.Rtp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Ice;

public class IceAgentTests
{
    [Fact]
    public async Task TwoAgents_OnLoopback_SelectTheSamePair_AndCarryDatagrams()
    {
        using var a = new IceAgent(IceRole.Controlling, IceTestPair.Loopback());
        using var b = new IceAgent(IceRole.Controlled, IceTestPair.Loopback());
        var received = new TaskCompletionSource<(MediaPacketKind, byte[])>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.DatagramHandler = (kind, datagram, _) => received.TrySetResult((kind, datagram.ToArray()));
        Task<IceCandidatePairEventArgs> aSelected = IceTestPair.NextSelection(a);
        Task<IceCandidatePairEventArgs> bSelected = IceTestPair.NextSelection(b);

        await IceTestPair.ExchangeAsync(a, b);
        IceCandidatePair aPair = (await aSelected.WaitAsync(IceTestPair.Limit)).Pair;
        IceCandidatePair bPair = (await bSelected.WaitAsync(IceTestPair.Limit)).Pair;

        Assert.Equal(b.LocalCandidates[0].EndPoint, aPair.Remote.EndPoint);
        Assert.Equal(a.LocalCandidates[0].EndPoint, bPair.Remote.EndPoint);
        Assert.True(aPair.Nominated);
        Assert.True(bPair.Nominated);
        Assert.Equal(IceCandidatePairState.Succeeded, aPair.State);
        Assert.Equal(IceRole.Controlling, a.Role);
        Assert.Equal(IceRole.Controlled, b.Role);
        Assert.Equal(aPair.Priority, bPair.Priority);
        Assert.Equal(0, a.Counters.StunRejected);
        Assert.Equal(0, b.Counters.StunRejected);

        byte[] dtlsLike = { 22, 254, 253, 0, 0, 1, 2, 3 };
        a.Send(dtlsLike);
        (MediaPacketKind kind, byte[] bytes) = await received.Task.WaitAsync(IceTestPair.Limit);
        Assert.Equal(MediaPacketKind.Dtls, kind);
        Assert.Equal(dtlsLike, bytes);
    }

    [Fact]
    public async Task DualStackLoopback_PrefersIPv6_WhenAvailable()
    {
        bool ipv6 = IceTestPair.IPv6LoopbackWorks();
        using var a = new IceAgent(IceRole.Controlling, IceTestPair.Loopback(ipv6: true));
        using var b = new IceAgent(IceRole.Controlled, IceTestPair.Loopback(ipv6: true));
        Task<IceCandidatePairEventArgs> aSelected = IceTestPair.NextSelection(a);

        await IceTestPair.ExchangeAsync(a, b);
        IceCandidatePair pair = (await aSelected.WaitAsync(IceTestPair.Limit)).Pair;

        Assert.Equal(ipv6 ? 2 : 1, a.LocalCandidates.Count);
        Assert.Equal(ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, pair.Local.EndPoint.AddressFamily);
        Assert.All(a.GetPairs(), p => Assert.Equal(p.Local.EndPoint.AddressFamily, p.Remote.EndPoint.AddressFamily));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RoleConflict_IsResolved_ByTieBreaker(bool bothControlling)
    {
        IceRole both = bothControlling ? IceRole.Controlling : IceRole.Controlled;
        using var a = new IceAgent(both, IceTestPair.Loopback());
        using var b = new IceAgent(both, IceTestPair.Loopback());
        Task<IceCandidatePairEventArgs> aSelected = IceTestPair.NextSelection(a);
        Task<IceCandidatePairEventArgs> bSelected = IceTestPair.NextSelection(b);

        await IceTestPair.ExchangeAsync(a, b);
        await aSelected.WaitAsync(IceTestPair.Limit);
        await bSelected.WaitAsync(IceTestPair.Limit);

        Assert.NotEqual(a.Role, b.Role);
        IceAgent expectedControlling = a.TieBreaker > b.TieBreaker ? a : b;
        Assert.Equal(IceRole.Controlling, expectedControlling.Role);
        Assert.True(a.Counters.RoleConflicts + b.Counters.RoleConflicts > 0);
        Assert.Equal(a.SelectedPair!.Remote.EndPoint, b.SelectedPair!.Local.EndPoint);
    }

    [Fact]
    public async Task Restart_WithTheSamePeer_SelectsAPairOfTheNewGeneration_AndRejectsOldCredentials()
    {
        using var a = new IceAgent(IceRole.Controlling, IceTestPair.Loopback());
        using var b = new IceAgent(IceRole.Controlled, IceTestPair.Loopback());
        Task<IceCandidatePairEventArgs> first = IceTestPair.NextSelection(a);
        await IceTestPair.ExchangeAsync(a, b);
        IceCandidatePair old = (await first.WaitAsync(IceTestPair.Limit)).Pair;
        IceCredentials oldB = b.LocalCredentials;

        Task<IceCandidatePairEventArgs> second = IceTestPair.NextSelection(a);
        a.Restart();
        b.Restart();
        Assert.NotEqual(oldB.Ufrag, b.LocalCredentials.Ufrag);
        Assert.Same(old, a.SelectedPair);
        IceTestPair.Offer(a, b);
        IceTestPair.Offer(b, a);
        IceCandidatePairEventArgs renewed = await second.WaitAsync(IceTestPair.Limit);

        Assert.Equal(1, renewed.Pair.Generation);
        Assert.Same(old, renewed.Previous);
        Assert.NotSame(old, renewed.Pair);

        long rejectedBefore = b.Counters.StunRejected;
        using var stale = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        byte[] oldCheck = HostileStun.Check(oldB.Ufrag + ":x1y2", oldB.Password);
        await stale.SendAsync(oldCheck, oldCheck.Length, b.LocalCandidates[0].EndPoint);
        await HostileStun.WaitForAsync(() => b.Counters.StunRejected > rejectedBefore);
    }

    [Fact]
    public async Task Restart_TowardsAnotherPeer_RaisesPathChanged()
    {
        using var a = new IceAgent(IceRole.Controlling, IceTestPair.Loopback());
        using var b = new IceAgent(IceRole.Controlled, IceTestPair.Loopback());
        using var c = new IceAgent(IceRole.Controlled, IceTestPair.Loopback());
        Task<IceCandidatePairEventArgs> first = IceTestPair.NextSelection(a);
        await IceTestPair.ExchangeAsync(a, b);
        await first.WaitAsync(IceTestPair.Limit);
        var pathChanged = new TaskCompletionSource<IceCandidatePairEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        a.PathChanged += (_, e) => pathChanged.TrySetResult(e);

        a.Restart();
        await c.GatherAsync();
        IceTestPair.Offer(a, c);
        IceTestPair.Offer(c, a);
        IceCandidatePairEventArgs changed = await pathChanged.Task.WaitAsync(IceTestPair.Limit);

        Assert.Equal(b.LocalCandidates[0].EndPoint, changed.Previous!.Remote.EndPoint);
        Assert.Equal(c.LocalCandidates[0].EndPoint, changed.Pair.Remote.EndPoint);
        Assert.Equal(c.LocalCandidates[0].EndPoint, a.SelectedPair!.Remote.EndPoint);
    }

    [Fact]
    public async Task HostileStun_IsIgnoredAndCounted_AndChecksStillSucceed()
    {
        using var a = new IceAgent(IceRole.Controlling, IceTestPair.Loopback());
        using var b = new IceAgent(IceRole.Controlled, IceTestPair.Loopback());
        await a.GatherAsync();
        await b.GatherAsync();
        IPEndPoint target = b.LocalCandidates[0].EndPoint;
        IceCredentials bCredentials = b.LocalCredentials;
        byte[][] hostile =
        {
            new byte[] { 0x00, 0x01, 0x00, 0x00, 0x21, 0x12 },
            HostileStun.Check(bCredentials.Ufrag + ":evil", "wrong-password-wrong-password"),
            HostileStun.Check("nobody:evil", bCredentials.Password),
            HostileStun.Check(bCredentials.Ufrag + ":evil", bCredentials.Password, fingerprint: false),
            HostileStun.UnsolicitedResponse(),
            HostileStun.Check(bCredentials.Ufrag + ":evil", bCredentials.Password, priority: false),
        };
        using var attacker = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        foreach (byte[] datagram in hostile)
        {
            await attacker.SendAsync(datagram, datagram.Length, target);
        }

        await HostileStun.WaitForAsync(() => b.Counters.StunRejected == hostile.Length);
        Assert.Equal(0, b.Counters.RequestsAnswered);

        Task<IceCandidatePairEventArgs> selected = IceTestPair.NextSelection(b);
        IceTestPair.Offer(a, b);
        IceTestPair.Offer(b, a);
        IceCandidatePair pair = (await selected.WaitAsync(IceTestPair.Limit)).Pair;
        Assert.Equal(a.LocalCandidates[0].EndPoint, pair.Remote.EndPoint);
        Assert.Equal(hostile.Length, b.Counters.StunRejected);
    }

    [Fact]
    public async Task MediaFromUnknownAddresses_IsNotDelivered()
    {
        using var a = new IceAgent(IceRole.Controlling, IceTestPair.Loopback());
        using var b = new IceAgent(IceRole.Controlled, IceTestPair.Loopback());
        int delivered = 0;
        b.DatagramHandler = (_, _, _) => System.Threading.Interlocked.Increment(ref delivered);
        Task<IceCandidatePairEventArgs> selected = IceTestPair.NextSelection(a);
        await IceTestPair.ExchangeAsync(a, b);
        await selected.WaitAsync(IceTestPair.Limit);

        using var stranger = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        byte[] rtp = new byte[172];
        rtp[0] = 0x80;
        await stranger.SendAsync(rtp, rtp.Length, b.LocalCandidates[0].EndPoint);
        a.Send(rtp);

        await HostileStun.WaitForAsync(() => System.Threading.Volatile.Read(ref delivered) >= 1);
        await Task.Delay(100);
        Assert.Equal(1, System.Threading.Volatile.Read(ref delivered));
    }
}
