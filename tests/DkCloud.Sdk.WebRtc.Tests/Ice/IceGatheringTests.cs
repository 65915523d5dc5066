using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Ice;
using DkCloud.Sdk.WebRtc.Stun;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Ice;

public class IceGatheringTests
{
    private static readonly IPEndPoint Mapped = new(IPAddress.Parse("203.0.113.7"), 40000);

    [Fact]
    public async Task StunServer_GivesAServerReflexiveCandidate_FromTheIceSocketItself()
    {
        using var server = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Task<IPEndPoint> answered = AnswerOneBindingAsync(server);
        IceAgentOptions options = IceTestPair.Loopback();
        options.StunServer = (IPEndPoint)server.Client.LocalEndPoint!;
        using var agent = new IceAgent(IceRole.Controlling, options);

        var candidates = await agent.GatherAsync().WaitAsync(IceTestPair.Limit);

        IceCandidate host = Assert.Single(candidates, c => c.Type == IceCandidateType.Host);
        IceCandidate srflx = Assert.Single(candidates, c => c.Type == IceCandidateType.ServerReflexive);
        Assert.Equal(Mapped, srflx.EndPoint);
        Assert.Equal(host.EndPoint, srflx.RelatedEndPoint);
        Assert.Equal(host.EndPoint, await answered);
        Assert.True(host.Priority > srflx.Priority);
        Assert.NotEqual(host.Foundation, srflx.Foundation);
        Assert.Contains("typ srflx raddr 127.0.0.1 rport " + host.EndPoint.Port, srflx.ToAttributeValue(), StringComparison.Ordinal);
        Assert.Same(candidates.Last(), srflx);
    }

    [Fact]
    public async Task Gathering_WithNoAllowedAddress_Throws()
    {
        var options = new IceAgentOptions { AddressFilter = _ => false };
        using var agent = new IceAgent(IceRole.Controlled, options);

        await Assert.ThrowsAsync<InvalidOperationException>(() => agent.GatherAsync());
    }

    /// <summary>Answers one Binding request with a fixed XOR-MAPPED-ADDRESS and returns where the request came from.</summary>
    private static async Task<IPEndPoint> AnswerOneBindingAsync(UdpClient server)
    {
        UdpReceiveResult request = await server.ReceiveAsync();
        byte[] id = request.Buffer.AsSpan(8, 12).ToArray();
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.SuccessResponse, id);
        writer.AddAddress(StunAttributeType.XorMappedAddress, Mapped);
        writer.AddFingerprint();
        byte[] response = writer.Written.ToArray();
        await server.SendAsync(response, response.Length, request.RemoteEndPoint);
        return request.RemoteEndPoint;
    }
}
