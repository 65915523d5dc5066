using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Ice;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Ice;

/// <summary>Trickle ICE (RFC 8838): remote candidates that arrive one by one while checks are already running.</summary>
public class IceTrickleTests
{
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task ControlledAgent_TrickledCandidatesAfterChecksStarted_SelectsThePairOfTheLastOne()
    {
        using var a = new IceAgent(IceRole.Controlling, IceTestPair.Loopback());
        using var b = new IceAgent(IceRole.Controlled, IceTestPair.Loopback());

        // Two loopback sockets that swallow every check: candidates that are reachable but never answer.
        using var silent1 = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var silent2 = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Task<IceCandidatePairEventArgs> aSelected = IceTestPair.NextSelection(a);
        Task<IceCandidatePairEventArgs> bSelected = IceTestPair.NextSelection(b);
        await a.GatherAsync();
        await b.GatherAsync();
        IceCandidate real = Assert.Single(a.LocalCandidates);

        // The controlling agent knows only the credentials: it can learn the peer solely from the peer's own checks.
        IceCredentials bCredentials = b.LocalCredentials;
        a.SetRemoteCredentials(bCredentials.Ufrag, bCredentials.Password);
        IceCredentials aCredentials = a.LocalCredentials;
        b.SetRemoteCredentials(aCredentials.Ufrag, aCredentials.Password);

        var trickled = new[]
        {
            new IceCandidate("1", 1, real.Priority + 2, (IPEndPoint)silent1.Client.LocalEndPoint!, IceCandidateType.Host),
            new IceCandidate("2", 1, real.Priority + 1, (IPEndPoint)silent2.Client.LocalEndPoint!, IceCandidateType.Host),
        };

        // First candidate: checks start towards it (and go unanswered).
        Assert.True(b.AddRemoteCandidate(Trickle(trickled[0])));
        await WaitForAsync(() => b.GetPairs().Any(p => p.Remote.EndPoint.Equals(trickled[0].EndPoint) && p.State != IceCandidatePairState.Frozen && p.State != IceCandidatePairState.Waiting));
        await Task.Delay(Gap);
        Assert.True(b.AddRemoteCandidate(Trickle(trickled[1])));
        await Task.Delay(Gap);

        // Nothing can be selected yet: neither agent has a reachable candidate of the other.
        Assert.False(aSelected.IsCompleted);
        Assert.False(bSelected.IsCompleted);
        Assert.Equal(2, b.GetPairs().Count);

        // Both trickled candidates were checked: the silent sockets got the Binding requests.
        await WaitForAsync(() => silent1.Available > 0 && silent2.Available > 0);

        // The working candidate comes last, long after checks started; the same candidate trickled twice is a duplicate.
        Assert.True(b.AddRemoteCandidate(Trickle(real)));
        Assert.False(b.AddRemoteCandidate(Trickle(real)));
        IceCandidatePair bPair = (await bSelected.WaitAsync(IceTestPair.Limit)).Pair;
        IceCandidatePair aPair = (await aSelected.WaitAsync(IceTestPair.Limit)).Pair;

        Assert.Equal(real.EndPoint, bPair.Remote.EndPoint);
        Assert.Equal(IceCandidateType.Host, bPair.Remote.Type);
        Assert.True(bPair.Nominated);
        Assert.Equal(b.LocalCandidates[0].EndPoint, aPair.Remote.EndPoint);
        Assert.Equal(IceCandidateType.PeerReflexive, aPair.Remote.Type);
        Assert.Equal(3, b.GetPairs().Count);
        Assert.Equal(0, b.Counters.StunRejected);
    }

    /// <summary>A candidate as it travels in a trickle message: its SDP attribute text, parsed on arrival.</summary>
    private static IceCandidate Trickle(IceCandidate candidate)
    {
        Assert.True(IceCandidate.TryParse(candidate.ToString(), out IceCandidate? parsed));
        return parsed!;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        DateTime limit = DateTime.UtcNow + IceTestPair.Limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < limit, "The condition did not become true in time.");
            await Task.Delay(10);
        }
    }
}
