using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Ice;

namespace DkCloud.Sdk.WebRtc.Tests.Ice;

/// <summary>Helpers that gather, exchange and wait for two agents on loopback.</summary>
internal static class IceTestPair
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static IceAgentOptions Loopback(bool ipv6 = false) => new()
    {
        AddressFilter = address => ipv6 ? IPAddress.IsLoopback(address) : address.Equals(IPAddress.Loopback),
        IncludeIPv6 = ipv6,
    };

    public static bool IPv6LoopbackWorks()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Gives each agent the other's credentials and candidates.</summary>
    public static async Task ExchangeAsync(IceAgent a, IceAgent b)
    {
        await a.GatherAsync();
        await b.GatherAsync();
        Offer(a, b);
        Offer(b, a);
    }

    /// <summary>Tells <paramref name="to"/> about <paramref name="from"/>'s current credentials and candidates.</summary>
    public static void Offer(IceAgent from, IceAgent to)
    {
        IceCredentials credentials = from.LocalCredentials;
        to.SetRemoteCredentials(credentials.Ufrag, credentials.Password);
        foreach (IceCandidate candidate in from.LocalCandidates)
        {
            Assert(IceCandidate.TryParse(candidate.ToString(), out IceCandidate? parsed));
            to.AddRemoteCandidate(parsed!);
        }
    }

    /// <summary>Completes with the next selected pair of <paramref name="agent"/>.</summary>
    public static Task<IceCandidatePairEventArgs> NextSelection(IceAgent agent)
    {
        var selected = new TaskCompletionSource<IceCandidatePairEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<IceCandidatePairEventArgs>? handler = null;
        handler = (_, e) =>
        {
            agent.SelectedPairChanged -= handler;
            selected.TrySetResult(e);
        };
        agent.SelectedPairChanged += handler;
        return selected.Task;
    }

    private static void Assert(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("A gathered candidate did not survive its SDP form.");
        }
    }
}
