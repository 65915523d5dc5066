using System;
using DkCloud.Sdk.WebRtc.Turn;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Turn;

public class TurnStreamFramingTests
{
    [Fact]
    public void Stun_IsHeaderPlusLength()
    {
        Assert.Equal(20 + 44, TurnStreamFraming.FrameLength(new byte[] { 0x01, 0x01, 0x00, 44 }));
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 8)]
    [InlineData(4, 8)]
    [InlineData(5, 12)]
    [InlineData(160, 164)]
    public void ChannelData_CountsItsPadding(int length, int expected)
    {
        Assert.Equal(expected, TurnStreamFraming.FrameLength(new byte[] { 0x40, 0x00, 0x00, (byte)length }));
    }

    [Fact]
    public void FewerThanFourBytes_NeedMore()
    {
        Assert.Equal(0, TurnStreamFraming.FrameLength(new byte[] { 0x40, 0x00, 0x00 }));
    }

    [Theory]
    [InlineData(0x80)]
    [InlineData(0x16)]
    public void OtherFirstBits_AreAFramingError(int first)
    {
        int expected = (first >> 6) >= 2 ? -1 : 20;
        Assert.Equal(expected, TurnStreamFraming.FrameLength(new byte[] { (byte)first, 0, 0, 0 }));
    }

    [Fact]
    public void ABufferOfSeveralFrames_SplitsAtEachBoundary()
    {
        var stream = new byte[] { 0x40, 0x01, 0x00, 0x03, 1, 2, 3, 0, 0x00, 0x17, 0x00, 0x00, 0x21, 0x12, 0xA4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

        int first = TurnStreamFraming.FrameLength(stream);
        int second = TurnStreamFraming.FrameLength(stream.AsSpan(first));

        Assert.Equal(8, first);
        Assert.Equal(20, second);
        Assert.Equal(stream.Length, first + second);
    }
}
