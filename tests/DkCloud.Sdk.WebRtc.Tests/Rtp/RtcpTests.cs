using System;
using System.Text;
using DkCloud.Sdk.WebRtc.Rtp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Rtp;

public class RtcpTests
{
    [Fact]
    public void CompoundSrSdesBye_RoundTrips()
    {
        var buffer = new byte[300];
        var blocks = new[] { new RtcpReportBlock(0xAABBCCDD, 25, -3, 0x0001FFFF, 123, 0x12345678, 0x00010000) };
        var info = new RtcpSenderInfo(0xE0000000_80000000, 160000, 1000, 160000);
        int length = RtcpWriter.WriteSenderReport(buffer, 0x11111111, info, blocks);
        length += RtcpWriter.WriteSdesCname(buffer.AsSpan(length), 0x11111111, Encoding.UTF8.GetBytes("user@host"));
        length += RtcpWriter.WriteBye(buffer.AsSpan(length), new uint[] { 0x11111111 }, Encoding.UTF8.GetBytes("bye"));
        ReadOnlySpan<byte> compound = buffer.AsSpan(0, length);

        Assert.True(RtcpCompoundEnumerator.Validate(compound));
        int index = 0;
        foreach (RtcpPacket packet in new RtcpCompoundEnumerator(compound))
        {
            switch (index++)
            {
                case 0:
                    Assert.Equal(RtcpPacketType.SenderReport, packet.Type);
                    Assert.Equal(0x11111111u, packet.Ssrc);
                    Assert.True(packet.TryGetSenderInfo(out RtcpSenderInfo parsed));
                    Assert.Equal(info.NtpTimestamp, parsed.NtpTimestamp);
                    Assert.Equal(160000u, parsed.RtpTimestamp);
                    Assert.Equal(1000u, parsed.PacketCount);
                    Assert.True(packet.TryGetReportBlock(0, out RtcpReportBlock block));
                    Assert.Equal(0xAABBCCDDu, block.Ssrc);
                    Assert.Equal(25, block.FractionLost);
                    Assert.Equal(-3, block.CumulativeLost);
                    Assert.Equal(0x0001FFFFu, block.ExtendedHighestSequence);
                    Assert.Equal(123u, block.Jitter);
                    Assert.Equal(0x12345678u, block.LastSenderReport);
                    Assert.Equal(0x00010000u, block.DelaySinceLastSenderReport);
                    Assert.False(packet.TryGetReportBlock(1, out _));
                    break;
                case 1:
                    Assert.Equal(RtcpPacketType.SourceDescription, packet.Type);
                    Assert.True(packet.TryGetCname(0x11111111, out ReadOnlySpan<byte> cname));
                    Assert.Equal("user@host", Encoding.UTF8.GetString(cname));
                    Assert.Equal(0, packet.Bytes.Length % 4);
                    break;
                default:
                    Assert.Equal(RtcpPacketType.Bye, packet.Type);
                    Assert.True(packet.TryGetByeSource(0, out uint source));
                    Assert.Equal(0x11111111u, source);
                    break;
            }
        }

        Assert.Equal(3, index);
    }

    [Fact]
    public void ReceiverReport_HasExpectedBytes()
    {
        var buffer = new byte[32];
        int length = RtcpWriter.WriteReceiverReport(buffer, 1, new[] { new RtcpReportBlock(2, 0x80, 0x7FFFFF + 5, 3, 4, 5, 6) });
        Assert.Equal(32, length);
        Assert.Equal(
            "81C9000700000001" + "00000002" + "807FFFFF" + "00000003" + "00000004" + "00000005" + "00000006",
            Convert.ToHexString(buffer));
    }

    [Theory]
    [InlineData("")]
    [InlineData("80C90001")]
    [InlineData("40C9000000000000")]
    [InlineData("A0C900010000000000000000")]
    [InlineData("A0C9000100000005 80C90000")]
    [InlineData("80C9000100000001 80C9")]
    public void InvalidCompounds_FailValidation(string hex)
    {
        Assert.False(RtcpCompoundEnumerator.Validate(Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal))));
    }

    [Fact]
    public void RandomBytes_NeverThrow()
    {
        var random = new Random(5761);
        var buffer = new byte[160];
        for (int n = 0; n < 20000; n++)
        {
            random.NextBytes(buffer);
            buffer[0] = (byte)((buffer[0] & 0x3F) | 0x80);
            ReadOnlySpan<byte> compound = buffer.AsSpan(0, random.Next(0, buffer.Length));
            _ = RtcpCompoundEnumerator.Validate(compound);
            foreach (RtcpPacket packet in new RtcpCompoundEnumerator(compound))
            {
                _ = packet.TryGetSenderInfo(out _);
                _ = packet.TryGetReportBlock(0, out _);
                _ = packet.TryGetByeSource(0, out _);
                _ = packet.TryGetCname(packet.Ssrc, out _);
            }
        }
    }

    [Fact]
    public void RoundTripTime_FromLsrAndDlsr()
    {
        // RFC 3550 6.4.1 example: A = 0xb710:8000 (46864.500 s), LSR = 0xb705:2000 (46853.125 s),
        // DLSR = 0x0005:4000 (5.250 s) gives 6.125 s.
        Assert.True(NtpTime.TryGetRoundTripTime(0xB7108000, 0xB7052000, 0x00054000, out TimeSpan rtt));
        Assert.Equal(TimeSpan.FromMilliseconds(6125), rtt);
        Assert.False(NtpTime.TryGetRoundTripTime(0xB7108000, 0, 0, out _));
    }

    [Fact]
    public void NtpTimestamp_OfKnownInstant()
    {
        // 1970-01-01 is 2208988800 s (0x83AA7E80) after the NTP epoch; half a second is fraction 0x80000000.
        ulong ntp = NtpTime.FromDateTimeOffset(new DateTimeOffset(1970, 1, 1, 0, 0, 0, 500, TimeSpan.Zero));
        Assert.Equal((2208988800UL << 32) | 0x80000000UL, ntp);
        Assert.Equal(0x7E808000u, NtpTime.Middle32(ntp));
    }
}
