using System;
using System.Diagnostics;
using System.Net;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Sdp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Media;

/// <summary>Two media sessions with the default codecs on loopback, in real time: Opus both ways.</summary>
public class MediaSessionOpusTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static MediaSession Create(Action<MediaSessionOptions> configure)
    {
        var options = new MediaSessionOptions
        {
            RtcpInterval = TimeSpan.FromMilliseconds(200),
            AddressFilter = address => address.Equals(IPAddress.Loopback),
            IncludeIPv6 = false,
        };
        configure(options);
        return new MediaSession(options);
    }

    private static async Task ConnectAsync(MediaSession offerer, MediaSession answerer)
    {
        offerer.ApplyAnswer(await answerer.CreateAnswerAsync(await offerer.CreateOfferAsync()));
        await offerer.WhenSecure.WaitAsync(Limit);
        await answerer.WhenSecure.WaitAsync(Limit);
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Limit)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }

    [Fact]
    public async Task Opus_is_negotiated_and_each_side_hears_the_others_tone()
    {
        using MediaSession offerer = Create(o => o.Microphone = new ToneSource(440, 48000));
        using MediaSession answerer = Create(o => o.Source = new ToneFrameSource(1000));
        await ConnectAsync(offerer, answerer);

        SdpMediaDescription offered = SdpSessionDescription.Parse(offerer.LocalSdp!).Media[0];
        SdpMediaDescription answered = SdpSessionDescription.Parse(answerer.LocalSdp!).Media[0];
        Assert.Equal(new[] { 111, 0, 8, 110, 101 }, offered.PayloadTypes);
        Assert.Equal("opus", answered.GetRtpMap(111)!.EncodingName);
        Assert.Equal("minptime=10;useinbandfec=1", answered.GetFmtp(111));
        Assert.Equal("opus", offerer.Codec);
        Assert.Equal("opus", answerer.Codec);
        Assert.Equal(111, offerer.PayloadType);
        Assert.Equal(111, answerer.PayloadType);

        Assert.True(await EventuallyAsync(() => answerer.Heard.IsHearing(440)), "answerer hears " + answerer.Heard.DominantFrequency());
        Assert.True(await EventuallyAsync(() => offerer.Heard.IsHearing(1000)), "offerer hears " + offerer.Heard.DominantFrequency());
        Assert.InRange(answerer.Heard.DominantFrequency()!.Value, 430, 450);
        Assert.InRange(offerer.Heard.DominantFrequency()!.Value, 990, 1010);
        Assert.True(await EventuallyAsync(() => answerer.Counters.PacketsReceived > 20 && offerer.Counters.PacketsReceived > 20));
        Assert.Equal(0, answerer.Counters.SrtpAuthenticationFailures);
        Assert.Equal(0, offerer.Counters.SrtpAuthenticationFailures);
        Assert.True(await EventuallyAsync(() => offerer.RoundTripTime is not null && answerer.RoundTripTime is not null));
    }

    [Fact]
    public async Task A_later_offer_with_another_codec_rebuilds_the_pipeline_with_the_same_ssrc_and_devices()
    {
        var speaker = new NullSink(16000);
        using MediaSession offerer = Create(o => o.Source = new ToneFrameSource(440));
        using MediaSession answerer = Create(o => { o.Source = new ToneFrameSource(1000); o.Speaker = speaker; });
        await ConnectAsync(offerer, answerer);
        Assert.Equal("opus", answerer.Codec);
        answerer.Muted = true;

        string pcmaOnly = offerer.LocalSdp!.Replace("UDP/TLS/RTP/SAVPF 111 0 8 110 101", "UDP/TLS/RTP/SAVPF 8 101", StringComparison.Ordinal);
        string answer = await answerer.AnswerAsync(null!, pcmaOnly, default);

        Assert.Equal(new[] { 8, 101 }, SdpSessionDescription.Parse(answer).Media[0].PayloadTypes);
        Assert.Equal("PCMA", answerer.Codec);
        Assert.Equal(8, answerer.PayloadType);
        Assert.Equal((byte?)101, answerer.Negotiated!.TelephoneEventPayloadType);
        Assert.True(answerer.Muted);
        Assert.Same(speaker, answerer.Speaker);
        long frames = speaker.FramesWritten;
        Assert.True(await EventuallyAsync(() => speaker.FramesWritten > frames + 10));
    }
}
