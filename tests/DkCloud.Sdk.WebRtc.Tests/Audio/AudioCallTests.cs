using System;
using System.IO;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;
using Xunit;
using Xunit.Abstractions;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public class AudioCallTests
{
    private readonly ITestOutputHelper _output;

    public AudioCallTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData("opus", 3)]
    [InlineData("PCMU", 3)]
    public void TwentySecondCallOverALossyLinkKeepsTheToneContinuous(string codec, int maxGapFrames)
    {
        var speaker = new ToneProbeSink(48000, 1000);
        using var call = new CallHarness(codec, new ToneSource(1000, 48000), speaker, new LossyLink(seed: 42, loss: 0.05, 0, 60), new LossyLink(seed: 7, loss: 0.05, 0, 60));

        call.Run(TimeSpan.FromSeconds(20));

        JitterBufferStatistics stats = call.Bob.JitterBufferStatistics;
        int gap = speaker.LongestGap();
        int heard = speaker.Heard.FindAll(f => f == 1000).Count;
        _output.WriteLine($"{codec}: sent {call.ToBob.Sent}, dropped {call.ToBob.Dropped}, reordered {call.ToBob.Reordered}; lost {stats.Lost}, late {stats.Late}, FEC {stats.ForwardErrorCorrected}, concealed {stats.Concealed}, discarded {stats.Discarded}, delay {stats.CurrentDelay.TotalMilliseconds} ms (target {stats.TargetDelay.TotalMilliseconds}); tone in {heard}/{speaker.Heard.Count} frames, longest gap {gap} frames");
        Assert.True(call.ToBob.Dropped > 30, "the link must really lose packets");
        Assert.True(call.ToBob.Reordered > 30, "the link must really reorder packets");
        Assert.True(speaker.Heard.Count >= 999);
        Assert.True(heard > 950, "tone frames " + heard);
        Assert.InRange(gap, 0, maxGapFrames);
        Assert.True(stats.CurrentDelay <= TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void SwitchingTheMicrophoneMidCallIsHeardWithoutAGapAndKeepsMute()
    {
        var speaker = new ToneProbeSink(48000, 1000, 2000, 500);
        using var wav = new WavFileSource(MakeWav(500, 16000), loop: true);
        using var call = new CallHarness("opus", new ToneSource(1000, 48000), speaker, new LossyLink(1, 0, 10, 30), new LossyLink(2, 0, 10, 30));

        call.Run(TimeSpan.FromSeconds(3));
        call.AliceMic.Switch(new ToneSource(2000, 16000));
        call.Run(TimeSpan.FromSeconds(3));
        call.AliceMic.Switch(wav);
        call.Run(TimeSpan.FromSeconds(3));
        call.AliceMic.Switch(new ToneSource(1000, 8000));
        call.Run(TimeSpan.FromSeconds(3));

        Assert.Equal(3, call.AliceMic.Switches);
        int gap = speaker.LongestGap(0, 600);
        _output.WriteLine("longest gap across three switches: " + gap + " frames");
        Assert.InRange(gap, 0, 5);
        Assert.Equal(2000, speaker.Heard[200]);
        Assert.Equal(500, speaker.Heard[350]);
        Assert.Equal(1000, speaker.Heard[590]);

        call.Alice.IsMuted = true;
        call.AliceMic.Switch(new ToneSource(2000, 48000));
        call.Run(TimeSpan.FromSeconds(2));
        Assert.True(call.Alice.IsMuted);
        Assert.All(speaker.Heard.GetRange(615, 80), f => Assert.Equal(0, f));

        call.Alice.IsMuted = false;
        call.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(2000, speaker.Heard[speaker.Heard.Count - 1]);
    }

    private static MemoryStream MakeWav(int frequency, int sampleRate)
    {
        var stream = new MemoryStream();
        using (var sink = new WavFileSink(stream, sampleRate, leaveOpen: true))
        {
            var generator = new ToneGenerator(frequency, sampleRate);
            var frame = new short[sampleRate / 50];
            for (int i = 0; i < 50; i++)
            {
                generator.Fill(frame);
                sink.WriteFrame(frame);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
