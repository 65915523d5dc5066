using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Srtp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Dtls;

public class DtlsUdpToneTests
{
    private const int Frames = 50;
    private const int Samples = 160;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DtlsSrtpOverLoopbackUdp_CarriesAPcmuTone(bool callerIsClient)
    {
        using var caller = new UdpMediaPeer();
        using var callee = new UdpMediaPeer();
        caller.Remote = callee.LocalEndPoint;
        callee.Remote = caller.LocalEndPoint;
        DtlsCertificate callerCertificate = DtlsCertificate.Generate(TimeProvider.System);
        DtlsCertificate calleeCertificate = DtlsCertificate.Generate(TimeProvider.System);
        caller.Dtls = new DtlsSrtpTransport(caller, callerCertificate);
        callee.Dtls = new DtlsSrtpTransport(callee, calleeCertificate);

        Task<DtlsSrtpKeys> calleeHandshake = callee.Dtls.HandshakeAsync(callerIsClient ? DtlsRole.Server : DtlsRole.Client, callerCertificate.Fingerprint);
        Task<DtlsSrtpKeys> callerHandshake = caller.Dtls.HandshakeAsync(callerIsClient ? DtlsRole.Client : DtlsRole.Server, calleeCertificate.Fingerprint);
        DtlsSrtpKeys callerKeys = await callerHandshake.WaitAsync(TimeSpan.FromSeconds(30));
        DtlsSrtpKeys calleeKeys = await calleeHandshake.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(callerKeys.Profile, calleeKeys.Profile);

        using SrtpContext send = callerKeys.CreateSendContext();
        using SrtpContext receive = calleeKeys.CreateReceiveContext();
        SendTone(caller, send);

        int withTone = await CountToneFramesAsync(callee, receive);
        Assert.True(withTone >= Frames - 2, "Frames with the 1 kHz tone: " + withTone + " of " + Frames + ".");
        Assert.Equal(0, receive.Counters.AuthenticationFailures);
    }

    private static void SendTone(UdpMediaPeer peer, SrtpContext send)
    {
        var generator = new ToneGenerator(1000, 8000, amplitude: 0.3);
        var pcm = new short[Samples];
        var packet = new byte[12 + Samples + 64];
        for (int frame = 0; frame < Frames; frame++)
        {
            generator.Fill(pcm);
            int header = RtpHeaderWriter.Write(packet, frame == 0, 0, (ushort)(1000 + frame), (uint)(frame * Samples), 0xCAFE);
            int payload = MuLaw.Encode(pcm, packet.AsSpan(header));
            Assert.Equal(SrtpStatus.Ok, send.ProtectRtp(packet, header + payload, out int length));
            peer.Send(packet.AsSpan(0, length));
        }
    }

    private static async Task<int> CountToneFramesAsync(UdpMediaPeer peer, SrtpContext receive)
    {
        var detector = new ToneDetector(1000, 8000);
        var pcm = new short[Samples];
        int withTone = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        for (int frame = 0; frame < Frames; frame++)
        {
            byte[] datagram;
            try
            {
                datagram = await peer.Rtp.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            Assert.Equal(SrtpStatus.Ok, receive.UnprotectRtp(datagram, out int length));
            Assert.True(RtpPacket.TryParse(datagram.AsSpan(0, length), out RtpPacket rtp));
            Assert.Equal(0, rtp.PayloadType);
            int decoded = MuLaw.Decode(rtp.Payload, pcm);
            if (detector.IsPresent(pcm.AsSpan(0, decoded)))
            {
                withTone++;
            }
        }

        return withTone;
    }
}
