using System;
using DkCloud.Sdk.WebRtc.Turn;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Turn;

public class TurnChannelDataTests
{
    [Fact]
    public void Udp_IsNotPadded()
    {
        var buffer = new byte[16];
        int length = TurnChannelData.Write(buffer, 0x4001, new byte[] { 1, 2, 3, 4, 5 }, stream: false);

        Assert.Equal(9, length);
        Assert.Equal(new byte[] { 0x40, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5 }, buffer.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void Stream_IsPaddedToFour_ButTheLengthCountsOnlyTheData()
    {
        var buffer = new byte[16];
        buffer.AsSpan().Fill(0xFF);
        int length = TurnChannelData.Write(buffer, 0x4FFF, new byte[] { 1, 2, 3, 4, 5 }, stream: true);

        Assert.Equal(12, length);
        Assert.Equal(new byte[] { 0x4F, 0xFF, 0x00, 0x05, 1, 2, 3, 4, 5, 0, 0, 0 }, buffer.AsSpan(0, length).ToArray());
        Assert.True(TurnChannelData.TryRead(buffer.AsSpan(0, 14), stream: true, out ushort channel, out int offset, out int dataLength, out int consumed));
        Assert.Equal((0x4FFF, 4, 5, 12), (channel, offset, dataLength, consumed));
    }

    [Fact]
    public void Udp_AcceptsPaddingAfterTheData()
    {
        byte[] datagram = { 0x40, 0x00, 0x00, 0x02, 9, 8, 0, 0 };

        Assert.True(TurnChannelData.TryRead(datagram, stream: false, out ushort channel, out int offset, out int dataLength, out int consumed));
        Assert.Equal((0x4000, 4, 2, 8), (channel, offset, dataLength, consumed));
    }

    [Theory]
    [InlineData(new byte[] { 0x40, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x40, 0x00, 0x00, 0x05, 1, 2 })]
    [InlineData(new byte[] { 0x50, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x3F, 0xFF, 0x00, 0x00 })]
    public void Malformed_IsRejected(byte[] message)
    {
        Assert.False(TurnChannelData.TryRead(message, stream: false, out _, out _, out _, out _));
    }

    [Fact]
    public void Stream_NeedsThePadding()
    {
        byte[] message = { 0x40, 0x00, 0x00, 0x01, 7 };

        Assert.False(TurnChannelData.TryRead(message, stream: true, out _, out _, out _, out _));
        Assert.True(TurnChannelData.TryRead(message, stream: false, out _, out _, out int length, out _));
        Assert.Equal(1, length);
    }

    [Theory]
    [InlineData(0x3FFF)]
    [InlineData(0x5000)]
    [InlineData(0x7FFF)]
    public void Write_RejectsChannelsOutsideTheRange(int channel)
    {
        Assert.Throws<ArgumentException>(() => TurnChannelData.Write(new byte[8], (ushort)channel, new byte[] { 1 }, stream: false));
    }
}
