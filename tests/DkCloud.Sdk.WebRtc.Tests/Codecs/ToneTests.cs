using System;
using DkCloud.Sdk.WebRtc.Codecs;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Codecs;

public class ToneTests
{
    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(48000)]
    public void GeneratedTone_IsDetectedAtItsLevel(int sampleRate)
    {
        var generator = new ToneGenerator(1000, sampleRate, amplitude: 0.5);
        var frame = new short[sampleRate / 50];
        generator.Fill(frame);

        ToneLevel level = new ToneDetector(1000, sampleRate).Measure(frame);

        Assert.InRange(level.Dbfs, -6.1, -5.9);
        Assert.InRange(level.ShareOfPower, 0.99, 1.0);
    }

    [Fact]
    public void PhaseContinuesAcrossFrames()
    {
        var continuous = new short[320];
        new ToneGenerator(440, 8000).Fill(continuous);
        var split = new ToneGenerator(440, 8000);
        var first = new short[160];
        var second = new short[160];
        split.Fill(first);
        split.Fill(second);

        Assert.Equal(continuous.AsSpan(0, 160).ToArray(), first);
        Assert.Equal(continuous.AsSpan(160, 160).ToArray(), second);
    }

    [Fact]
    public void Goertzel_FindsOneKilohertzInPcmuDecodedAudio_AndNotTwoKilohertz()
    {
        var generator = new ToneGenerator(1000, 8000, amplitude: 0.3);
        var one = new ToneDetector(1000, 8000);
        var two = new ToneDetector(2000, 8000);
        var pcm = new short[160];
        var encoded = new byte[160];
        var decoded = new short[160];

        for (int frame = 0; frame < 50; frame++)
        {
            generator.Fill(pcm);
            MuLaw.Encode(pcm, encoded);
            MuLaw.Decode(encoded, decoded);

            Assert.True(one.IsPresent(decoded));
            Assert.False(two.IsPresent(decoded));
            Assert.InRange(one.Measure(decoded).Dbfs, -11.0, -9.9);
            Assert.True(two.Measure(decoded).Dbfs < -40);
        }
    }

    [Fact]
    public void Silence_AndNoise_AreNotTones()
    {
        var detector = new ToneDetector(1000, 8000);
        Assert.False(detector.IsPresent(new short[160]));

        var random = new Random(1);
        var noise = new short[160];
        for (int i = 0; i < noise.Length; i++)
        {
            noise[i] = (short)random.Next(-8000, 8000);
        }

        Assert.False(detector.IsPresent(noise));
    }

    [Fact]
    public void InvalidArguments_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToneGenerator(1000, 11025));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToneGenerator(4000, 8000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToneDetector(0, 8000));
    }
}
