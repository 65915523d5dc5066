using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Audio;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public class JitterBufferTests
{
    private const long Frequency = 1000;
    private readonly FrameTagDecoder _decoder = new();
    private readonly JitterBuffer _buffer;
    private readonly short[] _frame = new short[160];

    public JitterBufferTests()
    {
        _buffer = new JitterBuffer(_decoder, new JitterBufferOptions(), Frequency);
    }

    [Fact]
    public void ReorderedPacketsPlayInOrder()
    {
        int[] arrival = [0, 2, 1, 3, 5, 4, 6, 7, 9, 8];
        foreach (int index in arrival)
        {
            Push(1, (ushort)(100 + index), (uint)(index * 160), (short)index, index * 20);
        }

        List<short> played = PullTags(12, out List<PlayoutFrameKind> kinds);

        Assert.Equal(new short[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, played.FindAll(t => t >= 0));
        Assert.Equal(0, _buffer.Statistics.Lost);
        Assert.Contains(PlayoutFrameKind.Decoded, kinds);
    }

    [Fact]
    public void DuplicatesAreDroppedBeforeAndAfterPlayout()
    {
        Push(1, 10, 0, 0, 0);
        Assert.False(_buffer.Push(1, 10, 0, 0, FrameTagDecoder.Payload(0), 1));
        Push(1, 11, 160, 1, 20);
        Push(1, 12, 320, 2, 40);
        PullTags(3, out _);
        Assert.False(_buffer.Push(1, 10, 0, 0, FrameTagDecoder.Payload(0), 60));

        Assert.Equal(2, _buffer.Statistics.Duplicates);
        Assert.Equal(0, _buffer.Statistics.Late);
    }

    [Fact]
    public void SequenceAndTimestampWrapPlayContinuously()
    {
        ushort sequence = 65530;
        uint timestamp = uint.MaxValue - (160 * 5) + 1;
        var expected = new List<short>();
        for (short i = 0; i < 12; i++)
        {
            Push(7, sequence, timestamp, i, i * 20);
            expected.Add(i);
            sequence++;
            timestamp += 160;
        }

        List<short> played = PullTags(14, out _);

        Assert.Equal(expected, played.FindAll(t => t >= 0));
        Assert.Equal(0, _buffer.Statistics.Lost);
        Assert.Equal(0, _buffer.Statistics.Late);
    }

    [Fact]
    public void LostFrameIsRebuiltFromTheNextPacketsFec()
    {
        for (short i = 0; i < 6; i++)
        {
            if (i != 3)
            {
                Push(1, (ushort)i, (uint)(i * 160), i, i * 20);
            }
        }

        List<short> played = PullTags(8, out List<PlayoutFrameKind> kinds);

        Assert.Equal(new short[] { 0, 1, 2, 3, 4, 5 }, played.FindAll(t => t >= 0));
        Assert.Contains(PlayoutFrameKind.ForwardErrorCorrected, kinds);
        Assert.Equal(1, _buffer.Statistics.Lost);
        Assert.Equal(1, _buffer.Statistics.ForwardErrorCorrected);
    }

    [Fact]
    public void SsrcChangeStartsOver()
    {
        for (short i = 0; i < 4; i++)
        {
            Push(1, (ushort)i, (uint)(i * 160), i, i * 20);
        }

        PullTags(3, out _);
        for (short i = 0; i < 4; i++)
        {
            Push(2, (ushort)(5000 + i), (uint)(900000 + (i * 160)), (short)(100 + i), 80 + (i * 20));
        }

        List<short> played = PullTags(8, out _);

        Assert.Equal(new short[] { 100, 101, 102, 103 }, played.FindAll(t => t >= 100));
        Assert.Equal(1, _buffer.Statistics.SsrcChanges);
        Assert.Equal(1, _decoder.Resets);
        Assert.Equal(0, _buffer.Statistics.Late);
    }

    [Fact]
    public void HoldDoesNotGrowTheDelayAndPlayoutResumesCleanly()
    {
        for (short i = 0; i < 5; i++)
        {
            Push(1, (ushort)i, (uint)(i * 160), i, i * 20);
        }

        PullTags(10, out _);

        // Ten seconds of hold: nothing arrives.
        List<short> during = PullTags(500, out List<PlayoutFrameKind> holdKinds);
        Assert.All(holdKinds.GetRange(10, 490), k => Assert.Equal(PlayoutFrameKind.Silence, k));
        Assert.True(holdKinds.FindAll(k => k == PlayoutFrameKind.Concealed).Count <= 5);

        // The sender's clock ran on during the hold.
        for (short i = 0; i < 10; i++)
        {
            int index = 510 + i;
            Push(1, (ushort)(5 + i), (uint)(index * 160), (short)(1000 + i), index * 20);
            _buffer.Pull(_frame);
        }

        List<short> after = PullTags(10, out _);
        var resumed = new List<short>(after);
        Assert.Equal(0, _buffer.Statistics.Lost);
        Assert.Equal(0, _buffer.Statistics.Late);
        Assert.True(_buffer.Statistics.CurrentDelay <= TimeSpan.FromMilliseconds(100), "delay " + _buffer.Statistics.CurrentDelay);
        Assert.Contains((short)1009, resumed);
    }

    [Fact]
    public void ComfortNoisePlaysQuietNoiseUntilSpeechReturns()
    {
        Push(1, 0, 0, 0, 0);
        Push(1, 1, 160, 1, 20);
        Assert.True(_buffer.Push(1, 2, 320, 13, new byte[] { 60 }, 40));
        PullTags(5, out List<PlayoutFrameKind> kinds);
        Assert.Equal(PlayoutFrameKind.ComfortNoise, kinds[kinds.Count - 1]);
        double rms = Rms(_frame);
        Assert.InRange(20 * Math.Log10(rms / 32768), -63, -57);

        // Speech resumes 1 s later on the same clock, while the buffer kept playing noise.
        PullTags(45, out List<PlayoutFrameKind> noise);
        Assert.All(noise, k => Assert.Equal(PlayoutFrameKind.ComfortNoise, k));
        for (short i = 0; i < 3; i++)
        {
            Push(1, (ushort)(3 + i), (uint)((52 + i) * 160), (short)(50 + i), (52 + i) * 20);
        }

        List<short> played = PullTags(15, out List<PlayoutFrameKind> later);
        Assert.Equal(new short[] { 50, 51, 52 }, played.FindAll(t => t >= 50));
        Assert.Equal(0, _buffer.Statistics.Lost);
        Assert.Equal(0, _buffer.Statistics.Discarded);
    }

    [Fact]
    public void LatePacketIsCountedAndDropped()
    {
        for (short i = 0; i < 6; i++)
        {
            if (i != 1)
            {
                Push(1, (ushort)i, (uint)(i * 160), i, i * 20);
            }
        }

        PullTags(4, out _);
        Assert.False(_buffer.Push(1, 1, 160, 0, FrameTagDecoder.Payload(1), 200));
        Assert.Equal(1, _buffer.Statistics.Late);
    }

    private static double Rms(short[] frame)
    {
        double sum = 0;
        foreach (short s in frame)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / frame.Length);
    }

    private void Push(uint ssrc, ushort sequence, uint timestamp, short tag, long arrivalMs)
        => Assert.True(_buffer.Push(ssrc, sequence, timestamp, 0, FrameTagDecoder.Payload(tag), arrivalMs));

    private List<short> PullTags(int frames, out List<PlayoutFrameKind> kinds)
    {
        var tags = new List<short>();
        kinds = new List<PlayoutFrameKind>();
        for (int i = 0; i < frames; i++)
        {
            PlayoutFrameKind kind = _buffer.Pull(_frame);
            kinds.Add(kind);
            if (kind is PlayoutFrameKind.Decoded or PlayoutFrameKind.ForwardErrorCorrected)
            {
                tags.Add(_frame[0]);
            }
        }

        return tags;
    }
}
