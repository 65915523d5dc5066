using System.Text;
using DkCloud.Sdk.WebRtc.Audio.Dtmf;
using DkCloud.Sdk.WebRtc.Integration;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public sealed class KeypadTonesTests
{
    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(48000)]
    public void Every_digit_plays_100_ms_and_is_heard_once_in_order(int sampleRate)
    {
        var frames = KeypadTones.Frames("0123456789*#", sampleRate);
        var detector = new DtmfToneDetector(sampleRate);
        var heard = new StringBuilder();
        foreach (var frame in frames)
        {
            char digit = detector.Process(frame);
            if (digit != '\0')
            {
                heard.Append(digit);
            }
        }

        Assert.Equal("0123456789*#", heard.ToString());
        Assert.Equal(12 * (KeypadTones.ToneFrames + KeypadTones.GapFrames), frames.Count);
        Assert.All(frames, f => Assert.Equal(sampleRate / 50, f.Length));
    }

    [Fact]
    public void Characters_that_are_not_digits_play_nothing() =>
        Assert.Empty(KeypadTones.Frames(" ,x", 8000));
}
