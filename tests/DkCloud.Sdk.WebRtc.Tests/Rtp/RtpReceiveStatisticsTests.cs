using DkCloud.Sdk.WebRtc.Rtp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Rtp;

public class RtpReceiveStatisticsTests
{
    private const long Frequency = 1_000_000;

    [Fact]
    public void SequenceWrap_ExtendsHighestSequence_AndCountsLoss()
    {
        var stats = new RtpReceiveStatistics(8000, Frequency);
        long time = 0;
        uint ts = 0;
        for (int i = 0; i < 20; i++)
        {
            var seq = (ushort)(65530 + i);
            if (seq == 2 || seq == 3)
            {
                continue;
            }

            Assert.True(stats.Update(seq, ts + (uint)(i * 160), time + (i * 20_000)));
        }

        Assert.Equal(0x00010000u + 13, stats.ExtendedHighestSequence);
        Assert.Equal(20, stats.Expected);
        Assert.Equal(18, stats.Received);
        Assert.Equal(2, stats.CumulativeLost);
        RtcpReportBlock block = stats.CreateReportBlock(42, 0, 0);
        Assert.Equal((byte)(2 * 256 / 20), block.FractionLost);
        Assert.Equal(2, block.CumulativeLost);
        Assert.Equal(0u, block.Jitter);

        Assert.True(stats.Update(14, 20 * 160, 20 * 20_000));
        Assert.Equal(0, stats.CreateReportBlock(42, 0, 0).FractionLost);
    }

    [Fact]
    public void Jitter_FollowsRfc3550A8()
    {
        var stats = new RtpReceiveStatistics(8000, Frequency);

        // Packets every 20 ms (160 ticks of RTP clock), arrivals alternate 0 and +10 ms late (80 RTP units).
        double expected = 0;
        int previousTransit = 0;
        for (int i = 0; i < 100; i++)
        {
            int lateness = i % 2 == 0 ? 0 : 80;
            stats.Update((ushort)i, (uint)(i * 160), ((i * 160) + lateness) * Frequency / 8000);
            int transit = lateness;
            if (i > 0)
            {
                expected += (System.Math.Abs(transit - previousTransit) - expected) / 16;
            }

            previousTransit = transit;
        }

        Assert.InRange(stats.Jitter, (uint)expected - 1, (uint)expected + 1);
        Assert.InRange(stats.Jitter, 75u, 80u);
    }

    [Fact]
    public void BigJump_IsIgnoredUntilConfirmed()
    {
        var stats = new RtpReceiveStatistics(8000, Frequency);
        Assert.True(stats.Update(100, 0, 0));
        Assert.True(stats.Update(101, 160, 20_000));
        Assert.False(stats.Update(20000, 320, 40_000));
        Assert.Equal(101u, stats.ExtendedHighestSequence);
        Assert.True(stats.Update(20001, 480, 60_000));
        Assert.Equal(20001u, stats.ExtendedHighestSequence);
        Assert.Equal(1, stats.Expected);
        Assert.Equal(1, stats.Received);
    }

    [Fact]
    public void DuplicatesAndReordering_DoNotMoveHighest()
    {
        var stats = new RtpReceiveStatistics(8000, Frequency);
        stats.Update(10, 0, 0);
        stats.Update(12, 320, 40_000);
        stats.Update(11, 160, 20_000);
        stats.Update(12, 320, 40_000);
        Assert.Equal(12u, stats.ExtendedHighestSequence);
        Assert.Equal(3, stats.Expected);
        Assert.Equal(4, stats.Received);
        Assert.Equal(-1, stats.CumulativeLost);
    }
}
