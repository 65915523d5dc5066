using System;
using System.Threading.Channels;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Ice;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Srtp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Ice;

/// <summary>ICE, then DTLS-SRTP over the ICE sockets, then a PCMU tone: the whole media transport on loopback.</summary>
public class IceDtlsToneTests
{
    [Fact]
    public async Task IceThenDtlsThenSrtp_OnOneSocketEach_CarryATone()
    {
        using var offerer = new IceAgent(IceRole.Controlling, IceTestPair.Loopback());
        using var answerer = new IceAgent(IceRole.Controlled, IceTestPair.Loopback());
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

        Task<IceCandidatePairEventArgs> offererSelected = IceTestPair.NextSelection(offerer);
        Task<IceCandidatePairEventArgs> answererSelected = IceTestPair.NextSelection(answerer);
        await IceTestPair.ExchangeAsync(offerer, answerer);
        await offererSelected.WaitAsync(IceTestPair.Limit);
        await answererSelected.WaitAsync(IceTestPair.Limit);

        // Offer a=setup:actpass, answer a=setup:active: the answerer is the DTLS client, as browsers and rtpengine do.
        Task<DtlsSrtpKeys> server = offererDtls.HandshakeAsync(DtlsRole.Server, answererCertificate.Fingerprint);
        Task<DtlsSrtpKeys> client = answererDtls.HandshakeAsync(DtlsRole.Client, offererCertificate.Fingerprint);
        DtlsSrtpKeys offererKeys = await server.WaitAsync(IceTestPair.Limit);
        DtlsSrtpKeys answererKeys = await client.WaitAsync(IceTestPair.Limit);
        Assert.Equal(DtlsSrtpProfiles.Default[0], offererKeys.Profile);

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
            byte[] datagram = await rtp.Reader.ReadAsync().AsTask().WaitAsync(IceTestPair.Limit);
            Assert.Equal(SrtpStatus.Ok, receive.UnprotectRtp(datagram, out int length));
            Assert.True(RtpPacket.TryParse(datagram.AsSpan(0, length), out RtpPacket parsed));
            int decoded = MuLaw.Decode(parsed.Payload, pcm);
            withTone += detector.IsPresent(pcm.AsSpan(0, decoded)) ? 1 : 0;
        }

        Assert.True(withTone >= 24, "Frames with the tone: " + withTone);
    }
}
