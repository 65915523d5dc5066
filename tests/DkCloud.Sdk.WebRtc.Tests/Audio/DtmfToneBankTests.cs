using System;
using DkCloud.Sdk.WebRtc.Audio.Dtmf;
using DkCloud.Sdk.WebRtc.Codecs;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

/// <summary>The DTMF detector's one-pass filter bank against one <see cref="ToneDetector"/> per tone.</summary>
public class DtmfToneBankTests
{
    [Theory]
    [InlineData(8000, '5', 0)]
    [InlineData(48000, '5', 0)]
    [InlineData(48000, 'D', 3000)]
    [InlineData(16000, '0', 20000)]
    [InlineData(48000, '\0', 12000)]
    public void TheBankMeasuresExactlyAsOneDetectorPerTone(int sampleRate, char digit, int noise)
    {
        var frame = new short[sampleRate / 50];
        if (digit != '\0')
        {
            new DtmfToneGenerator(digit, sampleRate).Fill(frame);
        }

        var random = new Random(sampleRate + digit + noise);
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Clamp(frame[i] + random.Next(-noise, noise + 1), short.MinValue, short.MaxValue);
        }

        Span<ToneLevel> levels = stackalloc ToneLevel[8];
        new DtmfToneDetector(sampleRate).MeasureTones(frame, levels);

        for (int i = 0; i < 4; i++)
        {
            AssertSame(new ToneDetector(DtmfDigits.RowFrequencies[i], sampleRate).Measure(frame), levels[i]);
            AssertSame(new ToneDetector(DtmfDigits.ColumnFrequencies[i], sampleRate).Measure(frame), levels[4 + i]);
        }
    }

    private static void AssertSame(ToneLevel expected, ToneLevel actual)
    {
        Assert.Equal(expected.Amplitude, actual.Amplitude);
        Assert.Equal(expected.ShareOfPower, actual.ShareOfPower);
    }
}
