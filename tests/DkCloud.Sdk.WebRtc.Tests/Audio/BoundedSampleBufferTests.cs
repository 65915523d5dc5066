using System;
using DkCloud.Sdk.WebRtc.Audio.Devices.Windows;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public class BoundedSampleBufferTests
{
    [Fact]
    public void OverflowDropsTheOldestSamplesAndCountsThem()
    {
        var buffer = new BoundedSampleBuffer(4);
        Assert.Equal(0, buffer.Write(new short[] { 1, 2, 3 }));
        Assert.Equal(2, buffer.Write(new short[] { 4, 5, 6 }));
        Assert.Equal(4, buffer.Count);

        var read = new short[4];
        Assert.Equal(4, buffer.Read(read));
        Assert.Equal(new short[] { 3, 4, 5, 6 }, read);
        Assert.Equal(6, buffer.SamplesWritten);
        Assert.Equal(4, buffer.SamplesRead);
        Assert.Equal(2, buffer.SamplesDropped);
        Assert.Equal(1, buffer.Overflows);
        Assert.Equal(0, buffer.Underruns);
    }

    [Fact]
    public void AWriteLongerThanTheCapacityKeepsItsNewestSamples()
    {
        var buffer = new BoundedSampleBuffer(4);
        buffer.Write(new short[] { 100, 101 });
        // The two held and the six oldest written go.
        Assert.Equal(8, buffer.Write(new short[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }));

        var read = new short[4];
        buffer.Read(read);
        Assert.Equal(new short[] { 7, 8, 9, 10 }, read);
        Assert.Equal(8, buffer.SamplesDropped);
        Assert.Equal(1, buffer.Overflows);
    }

    [Fact]
    public void UnderflowGivesSilenceAfterWhatIsHeld()
    {
        var buffer = new BoundedSampleBuffer(8);
        buffer.Write(new short[] { 7, 8 });
        var read = new short[] { 9, 9, 9, 9, 9 };
        Assert.Equal(2, buffer.Read(read));
        Assert.Equal(new short[] { 7, 8, 0, 0, 0 }, read);
        Assert.Equal(3, buffer.SamplesMissing);
        Assert.Equal(1, buffer.Underruns);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void ReadExactlyTakesAllOrNothing()
    {
        var buffer = new BoundedSampleBuffer(8);
        buffer.Write(new short[] { 1, 2, 3 });
        var frame = new short[] { 9, 9, 9, 9 };
        Assert.False(buffer.TryReadExactly(frame));
        Assert.Equal(new short[4], frame);
        Assert.Equal(3, buffer.Count);
        Assert.Equal(4, buffer.SamplesMissing);
        Assert.Equal(1, buffer.Underruns);

        buffer.Write(new short[] { 4, 5 });
        Assert.True(buffer.TryReadExactly(frame));
        Assert.Equal(new short[] { 1, 2, 3, 4 }, frame);
        Assert.Equal(1, buffer.Count);
        Assert.Equal(4, buffer.SamplesRead);
    }

    [Fact]
    public void TheRingWrapsWithoutLosingOrder()
    {
        var buffer = new BoundedSampleBuffer(5);
        var one = new short[1];
        short next = 0;
        short expected = 0;
        for (int round = 0; round < 40; round++)
        {
            var chunk = new short[3];
            for (int i = 0; i < chunk.Length; i++)
            {
                chunk[i] = next++;
            }

            buffer.Write(chunk);
            for (int i = 0; i < 3; i++)
            {
                Assert.True(buffer.TryReadExactly(one));
                Assert.Equal(expected++, one[0]);
            }
        }

        Assert.Equal(0, buffer.SamplesDropped);
        Assert.Equal(0, buffer.Underruns);
    }

    [Fact]
    public void ClearEmptiesWithoutCountingDrops()
    {
        var buffer = new BoundedSampleBuffer(4);
        buffer.Write(new short[] { 1, 2, 3 });
        buffer.Clear();
        Assert.Equal(0, buffer.Count);
        Assert.Equal(0, buffer.SamplesDropped);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedSampleBuffer(0));
    }
}
