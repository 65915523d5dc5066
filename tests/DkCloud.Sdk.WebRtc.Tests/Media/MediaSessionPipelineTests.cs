using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Audio.Dtmf;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Quality;
using DkCloud.Sdk.WebRtc.Tests.Audio;
using Xunit;
using Xunit.Abstractions;

namespace DkCloud.Sdk.WebRtc.Tests.Media;

/// <summary>Two media sessions over loopback sockets with their media clocks on a fake clock (<see cref="FakeClockCall"/>).</summary>
public class MediaSessionPipelineTests
{
    private readonly ITestOutputHelper _output;

    public MediaSessionPipelineTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Microphone_switched_three_times_is_heard_without_a_gap_over_100_ms_and_mute_survives_a_switch()
    {
        var speaker = new ToneProbeSink(48000, 1000, 2000, 500, 1500);
        using FakeClockCall call = await FakeClockCall.ConnectAsync(o => o.Microphone = new ToneSource(1000, 48000), a => a.Speaker = speaker);
        Assert.Equal("opus", call.Offerer.Codec);

        await call.RunAsync(TimeSpan.FromSeconds(2));
        int first = speaker.Heard.Count;
        call.Offerer.SwitchMicrophone(new ToneSource(2000, 16000));
        await call.RunAsync(TimeSpan.FromSeconds(2));
        int second = speaker.Heard.Count;
        call.Offerer.SwitchMicrophone(new FrameSourceAdapter(new ToneFrameSource(500)));
        await call.RunAsync(TimeSpan.FromSeconds(2));
        int third = speaker.Heard.Count;
        IAudioSource previous = call.Offerer.SwitchMicrophone(new ToneSource(1500, 48000));
        await call.RunAsync(TimeSpan.FromSeconds(2));
        int end = speaker.Heard.Count;

        Assert.Equal(500, Assert.IsType<ToneFrameSource>(Assert.IsType<FrameSourceAdapter>(previous).Source).Frequency);
        Assert.Equal(3, call.Offerer.MicrophoneSwitches);
        int gap = speaker.LongestGap(0, end);
        _output.WriteLine($"{end} frames played, longest gap {gap} frames; new source heard after {Delay(speaker, first, 2000)}, {Delay(speaker, second, 500)}, {Delay(speaker, third, 1500)} frames; undelivered {call.Undelivered}");
        Assert.InRange(gap, 0, 5);
        Assert.InRange(Delay(speaker, first, 2000), 0, 5);
        Assert.InRange(Delay(speaker, second, 500), 0, 5);
        Assert.InRange(Delay(speaker, third, 1500), 0, 5);
        Assert.All(speaker.Heard.GetRange(first + 5, 90), f => Assert.Equal(2000, f));
        Assert.All(speaker.Heard.GetRange(third + 5, 90), f => Assert.Equal(1500, f));
        Assert.True(call.Answerer.Heard.IsHearing(1500), "heard " + call.Answerer.Heard.DominantFrequency());

        call.Offerer.Muted = true;
        call.Offerer.SwitchMicrophone(new ToneSource(1000, 48000));
        int muted = speaker.Heard.Count;
        await call.RunAsync(TimeSpan.FromSeconds(1));
        Assert.True(call.Offerer.Muted);
        Assert.All(speaker.Heard.GetRange(muted + 5, 40), f => Assert.Equal(0, f));
        Assert.Null(call.Answerer.Heard.DominantFrequency());

        call.Offerer.Muted = false;
        await call.RunAsync(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1000, speaker.Heard[speaker.Heard.Count - 1]);
    }

    [Fact]
    public async Task Digits_both_ways_quality_every_second_and_a_summary_at_hang_up()
    {
        var samples = new List<CallQualitySample>();
        var digits = new List<DtmfDigitEvent>();
        var backwards = new List<DtmfDigitEvent>();
        CallQualitySummary? summary = null;
        using FakeClockCall call = await FakeClockCall.ConnectAsync(o => o.Source = new ToneFrameSource(440), a => a.Source = new ToneFrameSource(1000));
        call.Answerer.QualitySampled += samples.Add;
        call.Answerer.QualitySummaryReady += s => summary = s;
        call.Answerer.DigitReceived += digits.Add;
        call.Offerer.DigitReceived += backwards.Add;
        Assert.Equal((byte?)110, call.Offerer.Negotiated!.TelephoneEventPayloadType);

        await call.RunAsync(TimeSpan.FromSeconds(1));
        call.Offerer.SendDtmf("159#");
        call.Answerer.SendDtmf("*0");
        await call.RunAsync(TimeSpan.FromSeconds(4));

        Assert.Equal("159#", string.Concat(digits.ConvertAll(d => d.Digit)));
        Assert.All(digits, d => Assert.True(d.EndSeen));
        Assert.Equal("*0", string.Concat(backwards.ConvertAll(d => d.Digit)));
        Assert.True(call.Answerer.Heard.IsHearing(440));
        Assert.True(call.Offerer.Heard.IsHearing(1000));
        Assert.NotNull(call.Answerer.RoundTripTime);
        Assert.InRange(samples.Count, 4, 6);
        Assert.All(samples.GetRange(1, samples.Count - 1), s => Assert.InRange(s.PacketsReceived, 45, 51));
        Assert.All(samples, s => Assert.Equal(0, s.PacketLossPercent));
        Assert.All(samples, s => Assert.True(s.Mos > 4.2, "MOS " + s.Mos));
        Assert.Empty(call.Answerer.ActiveQualityWarnings);

        call.Answerer.Dispose();
        Assert.NotNull(summary);
        Assert.Same(summary, call.Answerer.QualitySummary);
        _output.WriteLine($"{summary!.Samples} samples over {summary.Duration}, MOS avg {summary.AverageMos:0.00} min {summary.MinimumMos:0.00}, loss {summary.PacketLossPercent} %");
        Assert.Equal(samples.Count, summary.Samples);
        Assert.True(summary.AverageMos > 4.2);
        Assert.Equal(0, summary.PacketLossPercent);
    }

    [Fact]
    public async Task A_g711_call_plays_through_the_jitter_buffer_to_the_frame_sink()
    {
        var sink = new CollectingFrameSink();
        using FakeClockCall call = await FakeClockCall.ConnectAsync(
            o => { o.OfferOpus = false; o.Source = new ToneFrameSource(600); },
            a => { a.OfferOpus = false; a.Sink = sink; });
        await call.RunAsync(TimeSpan.FromSeconds(2));

        Assert.Equal("PCMU", call.Answerer.Codec);
        Assert.Equal(0, call.Answerer.PayloadType);
        Assert.InRange(sink.Frames, 99, 101);
        Assert.True(call.Answerer.Heard.IsHearing(600));
        JitterBufferStatistics stats = call.Answerer.JitterBufferStatistics!;
        Assert.Equal(0, stats.Lost);
        Assert.InRange(stats.Decoded, 95, 101);
    }

    private static int Delay(ToneProbeSink speaker, int from, double frequency) => speaker.Heard.FindIndex(from, f => f == frequency) - from;

    private sealed class CollectingFrameSink : IAudioFrameSink
    {
        public int Frames { get; private set; }

        public void Write(ReadOnlySpan<short> frame)
        {
            Assert.Equal(160, frame.Length);
            Frames++;
        }
    }
}
