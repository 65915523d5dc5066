using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Audio.Dtmf;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Tests.Audio;
using Xunit;
using Xunit.Abstractions;

namespace DkCloud.Sdk.WebRtc.Tests.Media;

/// <summary>
/// The media session's audio path on a fake clock: settings from the session's own SDP negotiation, RTP through SRTP
/// (AES-CM-128), a link that loses and reorders packets, the jitter buffer and the decoder.
/// </summary>
public class NegotiatedCallTests
{
    private readonly ITestOutputHelper _output;

    public NegotiatedCallTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static CallHarness Create(MediaSessionOptions options, IAudioSource aliceMic, IAudioSink bobSpeaker, LossyLink toBob, LossyLink toAlice)
    {
        (_, _, AudioCodecChoice offerer, AudioCodecChoice answerer) = AudioNegotiationTests.Negotiate(options, options);
        return new CallHarness(
            offerer.CreateSettings(0x1111, options.JitterBuffer, 65000, 0xFFFF0000),
            answerer.CreateSettings(0x2222, options.JitterBuffer, 1234, 5678),
            aliceMic,
            bobSpeaker,
            toBob,
            toAlice,
            srtp: true);
    }

    /// <summary>
    /// 20 s at 5 % random loss with 0-60 ms of random delay (so packets arrive out of order). The longest run of
    /// played frames without the tone, between the first and last frame with it, stays at or under
    /// <paramref name="maxGapFrames"/> (20 ms each); with Opus, in-band FEC rebuilds at least 90 % of the single losses.
    /// </summary>
    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 2)]
    public void Twenty_seconds_at_five_percent_loss_with_reordering_keep_the_tone_continuous(bool opus, int maxGapFrames)
    {
        var speaker = new ToneProbeSink(48000, 1000);
        var toBob = new LossyLink(seed: 11, loss: 0.05, 0, 60);
        using CallHarness call = Create(new MediaSessionOptions { OfferOpus = opus }, new ToneSource(1000, 48000), speaker, toBob, new LossyLink(seed: 12, loss: 0.05, 0, 60));

        call.Run(TimeSpan.FromSeconds(20));

        JitterBufferStatistics stats = call.Bob.JitterBufferStatistics;
        int gap = speaker.LongestGap();
        int single = toBob.SingleLosses();
        _output.WriteLine($"{(opus ? "opus" : "PCMU")}: sent {toBob.Sent}, dropped {toBob.Dropped} ({single} single), reordered {toBob.Reordered}; " +
            $"lost {stats.Lost}, late {stats.Late}, FEC {stats.ForwardErrorCorrected}, concealed {stats.Concealed}, discarded {stats.Discarded}; " +
            $"tone in {speaker.Heard.FindAll(f => f != 0).Count}/{speaker.Heard.Count} frames, longest gap {gap} frames");
        Assert.True(toBob.Dropped >= 40, "the link must really lose packets");
        Assert.True(toBob.Reordered >= 40, "the link must really reorder packets");
        Assert.True(speaker.Heard.Count >= 999);
        Assert.InRange(gap, 0, maxGapFrames);
        if (opus)
        {
            Assert.True(stats.ForwardErrorCorrected >= single * 9 / 10, $"FEC rebuilt {stats.ForwardErrorCorrected} of {single} single losses");
        }
        else
        {
            Assert.Equal(0, stats.ForwardErrorCorrected);
        }
    }

    [Fact]
    public void A_new_sender_ssrc_restarts_playout_and_statistics_without_counting_loss()
    {
        var speaker = new ToneProbeSink(48000, 1000, 2000);
        var toBob = new LossyLink(seed: 21, loss: 0, 5, 15);
        var options = new MediaSessionOptions();
        using CallHarness call = Create(options, new ToneSource(1000, 48000), speaker, toBob, new LossyLink(seed: 22, loss: 0, 5, 15));
        (_, _, AudioCodecChoice offerer, _) = AudioNegotiationTests.Negotiate(options, options);
        call.Run(TimeSpan.FromSeconds(2));

        // Another sender (a transfer through a media server) takes over the same flow with its own SSRC, sequence and clock.
        call.Alice.IsSending = false;
        using var carol = new AudioMediaStream(
            offerer.CreateSettings(0x3333, options.JitterBuffer, 7, 12345),
            new ToneSource(2000, 48000),
            new NullSink(48000),
            call.SendToBob,
            call.Time);
        carol.Start();
        int switchedAt = speaker.Heard.Count;
        call.Run(TimeSpan.FromSeconds(2));

        JitterBufferStatistics stats = call.Bob.JitterBufferStatistics;
        AudioStreamCounters counters = call.Bob.ReadCounters();
        int firstNew = speaker.Heard.FindIndex(switchedAt, f => f == 2000);
        _output.WriteLine($"new tone after {firstNew - switchedAt} frames; expected {counters.PacketsExpected}, received {counters.PacketsReceived}");
        Assert.Equal(1, stats.SsrcChanges);
        Assert.InRange(firstNew - switchedAt, 0, 10);
        Assert.Equal(2000, speaker.Heard[speaker.Heard.Count - 1]);
        Assert.Equal((uint?)0x3333, call.Bob.RemoteSsrc);
        Assert.InRange(counters.PacketsExpected - counters.PacketsReceived, 0, 2);
    }

    [Fact]
    public void Hold_stops_sending_and_resuming_plays_again_with_no_loss_counted()
    {
        var speaker = new ToneProbeSink(48000, 1000);
        using CallHarness call = Create(new MediaSessionOptions(), new ToneSource(1000, 48000), speaker, new LossyLink(31, 0, 5, 15), new LossyLink(32, 0, 5, 15));
        call.Run(TimeSpan.FromSeconds(2));
        int sent = call.ToBob.Sent;

        call.Alice.IsSending = false;
        int heldAt = speaker.Heard.Count;
        call.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(sent, call.ToBob.Sent);
        Assert.All(speaker.Heard.GetRange(heldAt + 10, 80), f => Assert.Equal(0, f));

        call.Alice.IsSending = true;
        int resumedAt = speaker.Heard.Count;
        call.Run(TimeSpan.FromSeconds(1));
        int firstTone = speaker.Heard.FindIndex(resumedAt, f => f == 1000);
        AudioStreamCounters counters = call.Bob.ReadCounters();
        _output.WriteLine($"tone again after {firstTone - resumedAt} frames; {call.Bob.JitterBufferStatistics.Silence} silent frames");
        Assert.InRange(firstTone - resumedAt, 0, 10);
        Assert.Equal(counters.PacketsExpected, counters.PacketsReceived);
    }

    [Fact]
    public void Rfc4733_digits_cross_srtp_and_loss_and_in_band_digits_cross_opus()
    {
        var options = new MediaSessionOptions();
        var events = new List<DtmfDigitEvent>();
        using (CallHarness call = Create(options, new ToneSource(1000, 48000), new NullSink(48000), new LossyLink(41, 0.05, 0, 40), new LossyLink(42, 0.05, 0, 40)))
        {
            call.Bob.DigitReceived += events.Add;
            call.Run(TimeSpan.FromMilliseconds(300));
            call.Alice.SendDtmf("147*");
            call.Run(TimeSpan.FromSeconds(2));
        }

        Assert.Equal("147*", string.Concat(events.ConvertAll(e => e.Digit)));

        // Without telephone-event (the far end did not offer it) the digits are tones inside the Opus audio.
        (_, _, AudioCodecChoice offerer, AudioCodecChoice answerer) = AudioNegotiationTests.Negotiate(options, options);
        AudioStreamSettings alice = offerer.CreateSettings(0x1111, options.JitterBuffer, 1, 1);
        AudioStreamSettings bob = answerer.CreateSettings(0x2222, options.JitterBuffer, 1, 1);
        alice.TelephoneEventPayloadType = null;
        bob.TelephoneEventPayloadType = null;
        events.Clear();
        using (var call = new CallHarness(alice, bob, new SilenceSource(48000), new NullSink(48000), new LossyLink(43, 0, 5, 20), new LossyLink(44, 0, 5, 20), srtp: true))
        {
            call.Bob.DigitReceived += events.Add;
            call.Run(TimeSpan.FromMilliseconds(300));
            call.Alice.SendDtmf("29#");
            call.Run(TimeSpan.FromSeconds(2));
        }

        Assert.Equal("29#", string.Concat(events.ConvertAll(e => e.Digit)));
    }
}
