using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Tests.Stun;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Rtp;

public class RtpPacketTests
{
    [Fact]
    public void WrittenHeader_ParsesBack()
    {
        var buffer = new byte[40];
        int length = RtpHeaderWriter.Write(buffer, marker: true, payloadType: 8, sequenceNumber: 0xBEEF, timestamp: 0xDEADBEEF, ssrc: 0x01020304, csrcs: new uint[] { 7, 9 });
        buffer.AsSpan(length, 4).Fill(0x55);

        Assert.Equal(20, length);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length + 4), out RtpPacket packet));
        Assert.Equal(2, packet.Version);
        Assert.True(packet.Marker);
        Assert.Equal(8, packet.PayloadType);
        Assert.Equal(0xBEEF, packet.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, packet.Timestamp);
        Assert.Equal(0x01020304u, packet.Ssrc);
        Assert.Equal(2, packet.CsrcCount);
        Assert.Equal(7u, packet.GetCsrc(0));
        Assert.Equal(9u, packet.GetCsrc(1));
        Assert.Equal(new byte[] { 0x55, 0x55, 0x55, 0x55 }, packet.Payload.ToArray());
        Assert.False(packet.HasExtension);
    }

    [Fact]
    public void OneByteExtensionsAndPadding_AreRead()
    {
        // X=1, P=1; extension 0xBEDE with 2 words: id 1 len 1 (2 bytes), padding 0, id 3 len 0 (1 byte), then id 15 stop.
        byte[] bytes = TestVectors.Hex("B0 60 0001 00000010 00000002 BEDE0002 11AABB00 30CCF000 DDDD 0002");
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.Equal(RtpHeaderExtensionEnumerator.OneByteProfile, packet.ExtensionProfile);
        Assert.Equal(24, packet.HeaderLength);
        Assert.Equal(2, packet.PaddingLength);
        Assert.Equal(new byte[] { 0xDD, 0xDD }, packet.Payload.ToArray());

        var found = new List<(int, string)>();
        foreach (RtpHeaderExtension extension in packet.GetHeaderExtensions())
        {
            found.Add((extension.Id, Convert.ToHexString(extension.Value)));
        }

        Assert.Equal(new List<(int, string)> { (1, "AABB"), (3, "CC") }, found);
    }

    [Fact]
    public void TwoByteExtensions_AreRead()
    {
        byte[] bytes = TestVectors.Hex("90 00 0001 00000010 00000002 10000002 0502AABB 07000000");
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        var found = new List<(int, string)>();
        foreach (RtpHeaderExtension extension in packet.GetHeaderExtensions())
        {
            found.Add((extension.Id, Convert.ToHexString(extension.Value)));
        }

        Assert.Equal(new List<(int, string)> { (5, "AABB"), (7, string.Empty) }, found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("8000000100000000000000")]
    [InlineData("40000001000000000000000000")]
    [InlineData("820000010000000000000000 00000001")]
    [InlineData("900000010000000000000000 BEDE")]
    [InlineData("900000010000000000000000 BEDE0001")]
    [InlineData("A00000010000000000000000 AA00")]
    [InlineData("A00000010000000000000000 AA05")]
    public void Malformed_ReturnsFalse(string hex)
    {
        Assert.False(RtpPacket.TryParse(TestVectors.Hex(hex), out _));
    }

    [Fact]
    public void RandomBytesAndTruncations_NeverThrow()
    {
        var random = new Random(3550);
        var buffer = new byte[128];
        for (int n = 0; n < 20000; n++)
        {
            random.NextBytes(buffer);
            buffer[0] = (byte)((buffer[0] & 0x3F) | 0x80);
            int length = random.Next(0, buffer.Length);
            if (RtpPacket.TryParse(buffer.AsSpan(0, length), out RtpPacket packet))
            {
                Assert.True(packet.HeaderLength + packet.PaddingLength + packet.Payload.Length == length);
                foreach (RtpHeaderExtension extension in packet.GetHeaderExtensions())
                {
                    Assert.InRange(extension.Value.Length, 0, 256);
                }
            }
        }
    }

    [Theory]
    [InlineData("0001", nameof(MediaPacketKind.Stun))]
    [InlineData("16FE", nameof(MediaPacketKind.Dtls))]
    [InlineData("8000", nameof(MediaPacketKind.Rtp))]
    [InlineData("806F", nameof(MediaPacketKind.Rtp))]
    [InlineData("80E0", nameof(MediaPacketKind.Rtp))]
    [InlineData("80C8", nameof(MediaPacketKind.Rtcp))]
    [InlineData("81C9", nameof(MediaPacketKind.Rtcp))]
    [InlineData("80DF", nameof(MediaPacketKind.Rtcp))]
    [InlineData("80C0", nameof(MediaPacketKind.Rtcp))]
    [InlineData("C000", nameof(MediaPacketKind.Unknown))]
    [InlineData("", nameof(MediaPacketKind.Unknown))]
    public void Demultiplexing_FollowsRfc7983AndRfc5761(string hex, string kind)
    {
        Assert.Equal(Enum.Parse<MediaPacketKind>(kind), MediaPacketClassifier.Classify(TestVectors.Hex(hex)));
    }
}
