using System.Net;
using DkCloud.Sdk.WebRtc.Ice;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Ice;

public class IceCandidateTests
{
    [Fact]
    public void HostPriority_WithFullLocalPreference_IsWhatRtpengineAdvertises()
    {
        Assert.Equal(2130706431u, IcePriority.Candidate(IceCandidateType.Host, 65535, 1));
        Assert.Equal((100u << 24) + (65535u << 8) + 255u, IcePriority.Candidate(IceCandidateType.ServerReflexive, 65535, 1));
        Assert.Equal((110u << 24) + (1000u << 8) + 254u, IcePriority.Candidate(IceCandidateType.PeerReflexive, 1000, 2));
        Assert.Equal(255u, IcePriority.Candidate(IceCandidateType.Relayed, 0, 1));
    }

    [Theory]
    [InlineData(10u, 20u, (10UL << 32) + 40UL)]
    [InlineData(20u, 10u, (10UL << 32) + 40UL + 1UL)]
    [InlineData(7u, 7u, (7UL << 32) + 14UL)]
    public void PairPriority_FollowsRfc8445(uint controlling, uint controlled, ulong expected)
    {
        Assert.Equal(expected, IcePriority.Pair(controlling, controlled));
    }

    [Fact]
    public void Ipv6_IsPreferredOverIpv4_AndEarlierAddressesOverLater()
    {
        Assert.True(IcePriority.LocalPreference(System.Net.Sockets.AddressFamily.InterNetworkV6, 3) > IcePriority.LocalPreference(System.Net.Sockets.AddressFamily.InterNetwork, 0));
        Assert.True(IcePriority.LocalPreference(System.Net.Sockets.AddressFamily.InterNetwork, 0) > IcePriority.LocalPreference(System.Net.Sockets.AddressFamily.InterNetwork, 1));
    }

    [Fact]
    public void Foundation_IsEqualForSameTypeAndBase_AndDiffersOtherwise()
    {
        IPAddress a = IPAddress.Parse("192.0.2.1");
        Assert.Equal(IceFoundation.Compute(IceCandidateType.Host, a, null), IceFoundation.Compute(IceCandidateType.Host, a, null));
        Assert.NotEqual(IceFoundation.Compute(IceCandidateType.Host, a, null), IceFoundation.Compute(IceCandidateType.ServerReflexive, a, new IPEndPoint(a, 3478)));
        Assert.NotEqual(IceFoundation.Compute(IceCandidateType.Host, a, null), IceFoundation.Compute(IceCandidateType.Host, IPAddress.Parse("192.0.2.2"), null));
    }

    [Fact]
    public void Parse_RtpengineHostCandidate()
    {
        Assert.True(IceCandidate.TryParse("a=candidate:LwXYNCWRseQl9lWY 1 UDP 2130706431 127.0.0.1 30032 typ host", out IceCandidate? candidate));

        Assert.Equal("LwXYNCWRseQl9lWY", candidate!.Foundation);
        Assert.Equal(1, candidate.Component);
        Assert.Equal(2130706431u, candidate.Priority);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 30032), candidate.EndPoint);
        Assert.Equal(IceCandidateType.Host, candidate.Type);
        Assert.Equal("LwXYNCWRseQl9lWY 1 UDP 2130706431 127.0.0.1 30032 typ host", candidate.ToAttributeValue());
    }

    [Fact]
    public void Parse_BrowserSrflxCandidate_WithRelatedAddressAndExtensions()
    {
        const string text = "candidate:842163049 1 udp 1677729535 203.0.113.7 40000 typ srflx raddr 192.168.1.10 rport 51000 generation 0 ufrag abcd network-cost 999";
        Assert.True(IceCandidate.TryParse(text, out IceCandidate? candidate));

        Assert.Equal(IceCandidateType.ServerReflexive, candidate!.Type);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.168.1.10"), 51000), candidate.RelatedEndPoint);
        Assert.Equal("842163049 1 UDP 1677729535 203.0.113.7 40000 typ srflx raddr 192.168.1.10 rport 51000", candidate.ToAttributeValue());
    }

    [Theory]
    [InlineData("candidate:1 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active")]
    [InlineData("candidate:1 1 udp 2130706431 192.0.2.1 9 typ weird")]
    [InlineData("candidate:1 1 udp 2130706431 not-an-ip 9 typ host")]
    [InlineData("candidate:1 0 udp 2130706431 192.0.2.1 9 typ host")]
    [InlineData("candidate:1 1 udp 2130706431 192.0.2.1 70000 typ host")]
    [InlineData("candidate:1 1 udp 2130706431 192.0.2.1 9")]
    [InlineData("")]
    public void Parse_RejectsWhatThisStackCannotUse(string text)
    {
        Assert.False(IceCandidate.TryParse(text, out _));
    }

    [Fact]
    public void GeneratedCredentials_MeetTheMinimumLengths_AndDiffer()
    {
        IceCredentials one = IceCredentials.Generate();
        IceCredentials two = IceCredentials.Generate();

        Assert.True(one.Ufrag.Length >= 4);
        Assert.True(one.Password.Length >= 22);
        Assert.Matches("^[A-Za-z0-9+/]+$", one.Password);
        Assert.NotEqual(one.Password, two.Password);
    }
}
