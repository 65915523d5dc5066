using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Ice;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Srtp;
using DkCloud.Sdk.WebRtc.Turn;
using Xunit;

namespace DkCloud.Sdk.Interop.Tests;

/// <summary>The TURN client and relay-only ICE against coturn on 127.0.0.1 (started by tests/interop/turn-up.sh).</summary>
[Collection(TurnCollection.Name)]
[Trait("Category", "Interop")]
public sealed class CoturnInteropTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly TurnRig _rig;

    public CoturnInteropTests(TurnRig rig) => _rig = rig;

    private TurnClientOptions Credentials(string password = "p", TurnTransport transport = TurnTransport.Udp) => new()
    {
        Server = transport == TurnTransport.Tls ? _rig.TlsServer : _rig.Server,
        Username = "u",
        Password = password,
        LocalEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
        Transport = transport,
        CertificateValidation = transport == TurnTransport.Tls ? PinnedTo(_rig.TlsCertificate) : null,
    };

    /// <summary>Accepts exactly the certificate in <paramref name="pemFile"/> (compared by SHA-256), whatever its chain.</summary>
    private static RemoteCertificateValidationCallback PinnedTo(string pemFile)
    {
        using X509Certificate2 pinned = X509Certificate2.CreateFromPem(File.ReadAllText(pemFile));
        byte[] expected = pinned.GetCertHash(HashAlgorithmName.SHA256);
        return (_, certificate, _, _) => certificate is not null && certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(expected);
    }

    [Theory]
    [InlineData("Udp")]
    [InlineData("Tcp")]
    [InlineData("Tls")]
    public async Task Turn_Allocate_Permission_Channel_AndRelease_AgainstCoturn(string transport)
    {
        using var client = new TurnClient(Credentials(transport: Enum.Parse<TurnTransport>(transport)));
        var received = new BlockingCollection<(byte[] Data, IPEndPoint Peer)>();
        client.DataReceived = (data, peer) => received.Add((data.ToArray(), peer));
        IPEndPoint relayed = await client.AllocateAsync().WaitAsync(Wait);
        Assert.Equal(IPAddress.Loopback, relayed.Address);
        Assert.Equal(client.LocalEndPoint, client.MappedEndPoint);
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var peerEndPoint = (IPEndPoint)peer.Client.LocalEndPoint!;

        // Before a channel: permission, then a Send indication; coturn relays from the relayed address.
        Assert.True(client.SendTo(new byte[] { 1, 2, 3 }, peerEndPoint));
        UdpReceiveResult first = await peer.ReceiveAsync().WaitAsync(Wait);
        Assert.Equal(new byte[] { 1, 2, 3 }, first.Buffer);
        Assert.Equal(relayed, first.RemoteEndPoint);

        ushort channel = await client.BindChannelAsync(peerEndPoint).WaitAsync(Wait);
        Assert.InRange(channel, (ushort)0x4000, (ushort)0x4FFF);
        Assert.True(client.SendTo(new byte[] { 4, 5, 6, 7, 8 }, peerEndPoint));
        UdpReceiveResult second = await peer.ReceiveAsync().WaitAsync(Wait);
        Assert.Equal(new byte[] { 4, 5, 6, 7, 8 }, second.Buffer);

        await peer.SendAsync(new byte[] { 9, 8, 7 }, 3, relayed);
        Assert.True(received.TryTake(out var back, Wait), "Nothing came back through coturn.\n" + TurnRig.Log());
        Assert.Equal(new byte[] { 9, 8, 7 }, back.Data);
        Assert.Equal(peerEndPoint, back.Peer);

        // Odd lengths: over TCP and TLS the ChannelData is padded both ways.
        for (int size = 1; size <= 7; size++)
        {
            var data = new byte[size];
            data.AsSpan().Fill((byte)size);
            Assert.True(client.SendTo(data, peerEndPoint));
            UdpReceiveResult got = await peer.ReceiveAsync().WaitAsync(Wait);
            Assert.Equal(data, got.Buffer);
            await peer.SendAsync(data, size, relayed);
            Assert.True(received.TryTake(out var echoed, Wait));
            Assert.Equal(data, echoed.Data);
        }

        Assert.True(await client.RefreshAsync().WaitAsync(Wait) > TimeSpan.Zero);
        await client.ReleaseAsync().WaitAsync(Wait);
        Assert.Null(client.RelayedEndPoint);
    }

    [Fact]
    public async Task Turn_AfterACoturnRestart_EachTransportAllocatesAgain_AndRelaysThroughTheNewAllocation()
    {
        var clients = new List<Relay>();
        try
        {
            foreach (TurnTransport transport in new[] { TurnTransport.Udp, TurnTransport.Tcp, TurnTransport.Tls })
            {
                TurnClientOptions options = Credentials(transport: transport);
                options.ReallocationAttempts = 12;
                options.ReallocationDelay = TimeSpan.FromMilliseconds(500);
                if (transport == TurnTransport.Tls)
                {
                    // The restarted coturn has a new certificate: pin whatever the rig's file holds at the handshake.
                    options.CertificateValidation = (sender, certificate, chain, errors) => PinnedTo(_rig.TlsCertificate)(sender, certificate, chain, errors);
                }

                clients.Add(await Relay.StartAsync(transport, options));
            }

            await _rig.RestartAsync();

            // Over UDP nothing tells the client; its next request finds out (here a refresh, normally the refresh timer).
            TurnException e = await Assert.ThrowsAsync<TurnException>(() => clients[0].Client.RefreshAsync().WaitAsync(Wait));
            Assert.Equal(437, e.StunErrorCode);
            foreach (Relay relay in clients)
            {
                TurnReallocatedEventArgs moved = await relay.Reallocated.WaitAsync(TimeSpan.FromSeconds(30));
                string name = relay.Transport.ToString();
                Assert.True(moved.Previous.Equals(relay.Before), name);
                Assert.True(moved.Relayed.Equals(relay.Client.RelayedEndPoint), name);
                Assert.True(relay.Channel == relay.Client.ChannelOf(relay.PeerEndPoint), name);
                Assert.True(relay.Client.SendTo(new byte[] { 1, 2, 3 }, relay.PeerEndPoint), name);
                UdpReceiveResult got = await relay.Peer.ReceiveAsync().WaitAsync(Wait);
                Assert.Equal(new byte[] { 1, 2, 3 }, got.Buffer);
                Assert.True(moved.Relayed.Equals(got.RemoteEndPoint), name);
                await relay.Peer.SendAsync(new byte[] { 4, 5 }, 2, moved.Relayed);
                Assert.True(relay.Received.TryTake(out var back, Wait), name + ": nothing came back through the new allocation.\n" + TurnRig.Log());
                Assert.Equal(new byte[] { 4, 5 }, back.Data);
            }
        }
        finally
        {
            foreach (Relay relay in clients)
            {
                relay.Dispose();
            }
        }
    }

    [Fact]
    public async Task Turn_WrongPassword_IsRefusedWith401()
    {
        using var client = new TurnClient(Credentials("not-the-password"));

        TurnException e = await Assert.ThrowsAsync<TurnException>(() => client.AllocateAsync().WaitAsync(Wait));

        Assert.Equal(401, e.StunErrorCode);
    }

    [Fact]
    public async Task Turn_OverTls_WithDefaultValidation_RefusesTheSelfSignedCertificate()
    {
        TurnClientOptions options = Credentials(transport: TurnTransport.Tls);
        options.CertificateValidation = null;
        using var client = new TurnClient(options);

        TurnException e = await Assert.ThrowsAsync<TurnException>(() => client.AllocateAsync().WaitAsync(Wait));

        Assert.Equal(TurnError.TlsError, e.Error);
        Assert.Null(client.RelayedEndPoint);
    }

    [Fact]
    public async Task Turn_OverTls_WithAnotherPinnedCertificate_IsRefused()
    {
        TurnClientOptions options = Credentials(transport: TurnTransport.Tls);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        using X509Certificate2 other = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        byte[] otherHash = other.GetCertHash(HashAlgorithmName.SHA256);
        int calls = 0;
        options.CertificateValidation = (_, certificate, _, _) =>
        {
            Interlocked.Increment(ref calls);
            return certificate is not null && certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(otherHash);
        };
        using var client = new TurnClient(options);

        TurnException e = await Assert.ThrowsAsync<TurnException>(() => client.AllocateAsync().WaitAsync(Wait));

        Assert.Equal(TurnError.TlsError, e.Error);
        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData("Udp")]
    [InlineData("Tcp")]
    [InlineData("Tls")]
    public async Task RelayOnlyIce_ThenDtlsSrtp_CarriesAToneThroughCoturn(string transport)
    {
        var relayOptions = new IceAgentOptions
        {
            AddressFilter = address => address.Equals(IPAddress.Loopback),
            IncludeIPv6 = false,
            RelayOnly = true,
            Turn = Credentials(transport: Enum.Parse<TurnTransport>(transport)),
        };
        var directOptions = new IceAgentOptions { AddressFilter = address => address.Equals(IPAddress.Loopback), IncludeIPv6 = false };
        using var offerer = new IceAgent(IceRole.Controlling, relayOptions);
        using var answerer = new IceAgent(IceRole.Controlled, directOptions);
        DtlsCertificate offererCertificate = DtlsCertificate.Generate(TimeProvider.System);
        DtlsCertificate answererCertificate = DtlsCertificate.Generate(TimeProvider.System);
        using var offererDtls = new DtlsSrtpTransport(offerer, offererCertificate);
        using var answererDtls = new DtlsSrtpTransport(answerer, answererCertificate);
        var rtp = Channel.CreateUnbounded<byte[]>();
        offerer.DatagramHandler = (kind, datagram, _) =>
        {
            if (kind == MediaPacketKind.Dtls)
            {
                offererDtls.Deliver(datagram);
            }
        };
        answerer.DatagramHandler = (kind, datagram, _) =>
        {
            if (kind == MediaPacketKind.Dtls)
            {
                answererDtls.Deliver(datagram);
            }
            else if (kind == MediaPacketKind.Rtp)
            {
                rtp.Writer.TryWrite(datagram.ToArray());
            }
        };

        Task<IceCandidatePairEventArgs> offererSelected = NextSelection(offerer);
        Task<IceCandidatePairEventArgs> answererSelected = NextSelection(answerer);
        await offerer.GatherAsync().WaitAsync(Wait);
        await answerer.GatherAsync().WaitAsync(Wait);
        IceCandidate relay = Assert.Single(offerer.LocalCandidates);
        Assert.Equal(IceCandidateType.Relayed, relay.Type);
        Offer(offerer, answerer);
        Offer(answerer, offerer);
        IceCandidatePairEventArgs selected = await offererSelected.WaitAsync(Wait);
        IceCandidatePairEventArgs peerSelected = await answererSelected.WaitAsync(Wait);
        Assert.Equal(IceCandidateType.Relayed, selected.Pair.Local.Type);
        Assert.Equal(relay.EndPoint, peerSelected.Pair.Remote.EndPoint);

        Task<DtlsSrtpKeys> server = offererDtls.HandshakeAsync(DtlsRole.Server, answererCertificate.Fingerprint);
        Task<DtlsSrtpKeys> client = answererDtls.HandshakeAsync(DtlsRole.Client, offererCertificate.Fingerprint);
        DtlsSrtpKeys offererKeys = await server.WaitAsync(Wait);
        DtlsSrtpKeys answererKeys = await client.WaitAsync(Wait);

        using SrtpContext send = offererKeys.CreateSendContext();
        using SrtpContext receive = answererKeys.CreateReceiveContext();
        var generator = new ToneGenerator(1000, 8000, amplitude: 0.3);
        var pcm = new short[160];
        var packet = new byte[12 + 160 + 32];
        for (int frame = 0; frame < 25; frame++)
        {
            generator.Fill(pcm);
            int header = RtpHeaderWriter.Write(packet, frame == 0, 0, (ushort)frame, (uint)(frame * 160), 0xBEEF);
            int payload = MuLaw.Encode(pcm, packet.AsSpan(header));
            Assert.Equal(SrtpStatus.Ok, send.ProtectRtp(packet, header + payload, out int length));
            offerer.Send(packet.AsSpan(0, length));
        }

        var detector = new ToneDetector(1000, 8000);
        int withTone = 0;
        for (int frame = 0; frame < 25; frame++)
        {
            byte[] datagram = await rtp.Reader.ReadAsync().AsTask().WaitAsync(Wait);
            Assert.Equal(SrtpStatus.Ok, receive.UnprotectRtp(datagram, out int length));
            Assert.True(RtpPacket.TryParse(datagram.AsSpan(0, length), out RtpPacket parsed));
            int decoded = MuLaw.Decode(parsed.Payload, pcm);
            withTone += detector.IsPresent(pcm.AsSpan(0, decoded)) ? 1 : 0;
        }

        Assert.True(withTone >= 24, "Frames with the tone: " + withTone);
    }

    private static void Offer(IceAgent from, IceAgent to)
    {
        IceCredentials credentials = from.LocalCredentials;
        to.SetRemoteCredentials(credentials.Ufrag, credentials.Password);
        foreach (IceCandidate candidate in from.LocalCandidates)
        {
            Assert.True(IceCandidate.TryParse(candidate.ToString(), out IceCandidate? parsed));
            to.AddRemoteCandidate(parsed!);
        }
    }

    private static Task<IceCandidatePairEventArgs> NextSelection(IceAgent agent)
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

    /// <summary>A TURN client with an allocation and a channel to a UDP peer, waiting for its next re-allocation.</summary>
    private sealed class Relay : IDisposable
    {
        private readonly TaskCompletionSource<TurnReallocatedEventArgs> _reallocated = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Relay(TurnTransport transport, TurnClient client, UdpClient peer)
        {
            Transport = transport;
            Client = client;
            Peer = peer;
            PeerEndPoint = (IPEndPoint)peer.Client.LocalEndPoint!;
            client.DataReceived = (data, from) => Received.Add((data.ToArray(), from));
            client.Reallocated += (_, e) => _reallocated.TrySetResult(e);
        }

        public TurnTransport Transport { get; }

        public TurnClient Client { get; }

        public UdpClient Peer { get; }

        public IPEndPoint PeerEndPoint { get; }

        public IPEndPoint Before { get; private set; } = new(IPAddress.Loopback, 0);

        public ushort Channel { get; private set; }

        public BlockingCollection<(byte[] Data, IPEndPoint Peer)> Received { get; } = new();

        public Task<TurnReallocatedEventArgs> Reallocated => _reallocated.Task;

        public static async Task<Relay> StartAsync(TurnTransport transport, TurnClientOptions options)
        {
            var relay = new Relay(transport, new TurnClient(options), new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)));
            try
            {
                relay.Before = await relay.Client.AllocateAsync().WaitAsync(Wait);
                relay.Channel = await relay.Client.BindChannelAsync(relay.PeerEndPoint).WaitAsync(Wait);
                return relay;
            }
            catch
            {
                relay.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Client.Dispose();
            Peer.Dispose();
        }
    }
}
