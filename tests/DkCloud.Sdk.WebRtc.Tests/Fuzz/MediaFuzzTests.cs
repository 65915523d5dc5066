using System;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Srtp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Fuzz;

/// <summary>The RTP and RTCP readers and SRTP unprotect on random bytes and on mutations of valid packets.</summary>
public class MediaFuzzTests
{
    private static readonly byte[] Key = Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static readonly byte[] Salt = Convert.FromHexString("0EC675AD498AFEEBB6960B3AABE6");

    private static byte[] Rtp(int payload, uint[] csrcs, bool extension)
    {
        var packet = new byte[12 + (4 * csrcs.Length) + 12 + payload];
        int header = RtpHeaderWriter.Write(packet, true, 0, 4660, 0xDECAFBAD, 0xCAFEBABE, csrcs);
        if (extension)
        {
            packet[0] |= 0x10;
            packet[header] = 0xBE;
            packet[header + 1] = 0xDE;
            packet[header + 3] = 2;
            packet[header + 4] = 0x10;
            packet[header + 5] = 0x42;
            header += 12;
        }

        for (int i = header; i < packet.Length; i++)
        {
            packet[i] = (byte)i;
        }

        return packet;
    }

    private static byte[][] RtpSamples() => new[]
    {
        Rtp(160, Array.Empty<uint>(), false),
        Rtp(20, new uint[] { 1, 2 }, true),
        Rtp(0, Array.Empty<uint>(), false),
    };

    private static byte[][] RtcpSamples()
    {
        var buffer = new byte[512];
        var block = new RtcpReportBlock(0x1234, 3, 17, 100, 40, 0x55667788, 1000);
        int length = RtcpWriter.WriteSenderReport(buffer, 0xCAFEBABE, new RtcpSenderInfo(0x0102030405060708, 160, 10, 1600), new[] { block });
        length += RtcpWriter.WriteSdesCname(buffer.AsSpan(length), 0xCAFEBABE, "dkcloud@example"u8);
        byte[] sr = buffer.AsSpan(0, length).ToArray();
        length = RtcpWriter.WriteReceiverReport(buffer, 0x1111, new[] { block, block });
        length += RtcpWriter.WriteBye(buffer.AsSpan(length), new uint[] { 0x1111 }, "bye"u8);
        return new[] { sr, buffer.AsSpan(0, length).ToArray() };
    }

    [Fact]
    public void RtpReader_NeverThrows_AndParsedPartsStayInside()
    {
        FuzzRun.Bytes(RtpSamples(), bytes =>
        {
            if (!RtpPacket.TryParse(bytes, out RtpPacket packet))
            {
                return;
            }

            Assert.InRange(packet.HeaderLength + packet.PaddingLength, 12, bytes.Length);
            _ = packet.Payload.Length;
            for (int i = 0; i < packet.CsrcCount; i++)
            {
                packet.GetCsrc(i);
            }

            _ = packet.ExtensionData.Length;
            foreach (RtpHeaderExtension extension in packet.GetHeaderExtensions())
            {
                _ = extension;
            }

            MediaPacketClassifier.Classify(bytes);
        });
    }

    [Fact]
    public void RtcpReader_NeverThrows()
    {
        FuzzRun.Bytes(RtcpSamples(), bytes =>
        {
            bool valid = RtcpCompoundEnumerator.Validate(bytes);
            if (!valid)
            {
                return;
            }

            foreach (RtcpPacket packet in new RtcpCompoundEnumerator(bytes))
            {
                _ = packet.Type;
                _ = packet.Ssrc;
                packet.TryGetSenderInfo(out _);
                for (int i = 0; i < 32; i++)
                {
                    packet.TryGetReportBlock(i, out _);
                    packet.TryGetByeSource(i, out _);
                }

                packet.TryGetCname(0xCAFEBABE, out _);
                packet.TryGetCname(packet.Ssrc, out _);
            }
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SrtpUnprotect_ReturnsAStatus_NeverThrows(bool gcm)
    {
        SrtpProfile profile = gcm ? SrtpProfile.AeadAes128Gcm : SrtpProfile.AesCm128HmacSha1_80;
        byte[] key = Key;
        byte[] salt = profile == SrtpProfile.AeadAes128Gcm ? Salt.AsSpan(0, 12).ToArray() : Salt;
        using var sender = new SrtpContext(profile, key, salt);
        using var receiver = new SrtpContext(profile, key, salt, maxStreams: 4);
        var samples = new System.Collections.Generic.List<byte[]>();
        foreach (byte[] rtp in RtpSamples())
        {
            var buffer = new byte[rtp.Length + 32];
            rtp.CopyTo(buffer, 0);
            Assert.Equal(SrtpStatus.Ok, sender.ProtectRtp(buffer, rtp.Length, out int length));
            samples.Add(buffer.AsSpan(0, length).ToArray());
        }

        foreach (byte[] rtcp in RtcpSamples())
        {
            var buffer = new byte[rtcp.Length + 32];
            rtcp.CopyTo(buffer, 0);
            Assert.Equal(SrtpStatus.Ok, sender.ProtectRtcp(buffer, rtcp.Length, out int length));
            samples.Add(buffer.AsSpan(0, length).ToArray());
        }

        int accepted = 0;
        FuzzRun.Bytes(samples.ToArray(), bytes =>
        {
            byte[] copy = (byte[])bytes.Clone();
            if (receiver.UnprotectRtp(copy, out int length) == SrtpStatus.Ok)
            {
                Assert.InRange(length, 12, bytes.Length);
                accepted++;
            }

            copy = (byte[])bytes.Clone();
            if (receiver.UnprotectRtcp(copy, out length) == SrtpStatus.Ok)
            {
                Assert.InRange(length, 8, bytes.Length);
            }
        });
        Assert.True(accepted <= 2, "Mutated packets passed authentication: " + accepted);
    }
}
