using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Sdp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Media;

/// <summary>What a media session offers, answers and sends with, from SDP alone.</summary>
public class AudioNegotiationTests
{
    private const string Head = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n";

    /// <summary>Our offer, the far end's answer made by our own answerer, and each side's choice.</summary>
    internal static (SdpMediaDescription Offer, SdpMediaDescription Answer, AudioCodecChoice Offerer, AudioCodecChoice Answerer) Negotiate(MediaSessionOptions offerer, MediaSessionOptions answerer)
    {
        var options = new SdpOfferOptions { ConnectionAddress = "127.0.0.1", Port = 40_000 };
        foreach (var codec in AudioNegotiation.OfferCodecs(offerer))
        {
            options.Codecs.Add(codec);
        }

        SdpSessionDescription offer = SdpSessionDescription.Parse(SdpOfferBuilder.Create(options).ToString());
        SdpMediaDescription answer = Answer(offer, answerer);
        return (offer.Media[0], answer, AudioNegotiation.Choose(answer, offer.Media[0], offerer)!, AudioNegotiation.Choose(offer.Media[0], answer, answerer)!);
    }

    private static SdpMediaDescription Answer(SdpSessionDescription offer, MediaSessionOptions options)
        => SdpSessionDescription.Parse(SdpOfferAnswer.CreateAnswer(offer, new SdpAnswerOptions { Codecs = AudioNegotiation.AnswerCodecs(options) }).ToString()).Media[0];

    private static AudioCodecChoice AnswerTo(string media, out SdpMediaDescription answer)
    {
        SdpSessionDescription offer = SdpSessionDescription.Parse(Head + media);
        var options = new MediaSessionOptions();
        answer = Answer(offer, options);
        return AudioNegotiation.Choose(offer.Media[0], answer, options)!;
    }

    [Fact]
    public void Two_sessions_settle_on_opus_with_fec_and_telephone_event_at_48_khz()
    {
        (SdpMediaDescription offer, SdpMediaDescription answer, AudioCodecChoice offerer, AudioCodecChoice answerer) = Negotiate(new MediaSessionOptions(), new MediaSessionOptions());

        Assert.Equal(new[] { 111, 0, 8, 110, 101 }, offer.PayloadTypes);
        Assert.Equal("minptime=10;useinbandfec=1", offer.GetFmtp(111));
        Assert.Equal("0-16", offer.GetFmtp(110));
        Assert.Equal(new[] { 111, 0, 8, 110, 101 }, answer.PayloadTypes);
        Assert.Equal("minptime=10;useinbandfec=1", answer.GetFmtp(111));
        foreach (AudioCodecChoice choice in new[] { offerer, answerer })
        {
            Assert.Equal("opus", choice.EncodingName);
            Assert.Equal(48000, choice.ClockRate);
            Assert.Equal(111, choice.SendPayloadType);
            Assert.Equal(111, choice.ReceivePayloadType);
            Assert.Equal((byte?)110, choice.TelephoneEventPayloadType);
            Assert.Equal(48000, choice.TelephoneEventClockRate);
            Assert.Null(choice.ComfortNoisePayloadType);
        }

        var encoder = Assert.IsType<OpusAudioEncoder>(offerer.CreateSettings(1, new JitterBufferOptions(), 0, 0).Encoder);
        Assert.True(encoder.Parameters.UseInbandFec);
    }

    [Fact]
    public void The_far_ends_fmtp_shapes_what_we_send_and_our_answer_states_our_own()
    {
        AudioCodecChoice choice = AnswerTo(
            "m=audio 9 UDP/TLS/RTP/SAVPF 96 0 101\r\na=rtpmap:96 opus/48000/2\r\na=fmtp:96 usedtx=1;maxaveragebitrate=20000;stereo=0;useinbandfec=0\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\n",
            out SdpMediaDescription answer);

        Assert.Equal("opus", choice.EncodingName);
        Assert.Equal(96, choice.SendPayloadType);
        Assert.Equal("minptime=10;useinbandfec=1", answer.GetFmtp(96));
        var encoder = Assert.IsType<OpusAudioEncoder>(choice.CreateSettings(1, new JitterBufferOptions(), 0, 0).Encoder);
        Assert.True(encoder.Parameters.UseDtx);
        Assert.False(encoder.Parameters.UseInbandFec);
        Assert.False(encoder.Parameters.Stereo);
        Assert.Equal(20000, encoder.Parameters.MaxAverageBitrate);

        // Only telephone-event/8000 is offered, beside an 8 kHz codec: it is used with Opus too.
        Assert.Equal((byte?)101, choice.TelephoneEventPayloadType);
        Assert.Equal(8000, choice.TelephoneEventClockRate);
    }

    [Fact]
    public void A_g711_peer_gets_pcmu_its_telephone_event_and_cn()
    {
        AudioCodecChoice choice = AnswerTo(
            "m=audio 9 RTP/AVP 0 8 13 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n",
            out SdpMediaDescription answer);

        Assert.Equal(new[] { 0, 8, 13, 101 }, answer.PayloadTypes);
        Assert.Equal("0-15", answer.GetFmtp(101));
        Assert.Equal("PCMU", choice.EncodingName);
        Assert.Equal(0, choice.SendPayloadType);
        Assert.Equal((byte?)101, choice.TelephoneEventPayloadType);
        Assert.Equal((byte?)13, choice.ComfortNoisePayloadType);
    }

    [Fact]
    public void Cn_and_telephone_event_at_8_khz_are_dropped_beside_opus_alone()
    {
        AudioCodecChoice choice = AnswerTo(
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 13 126\r\na=rtpmap:111 opus/48000/2\r\na=rtpmap:13 CN/8000\r\na=rtpmap:126 telephone-event/8000\r\n",
            out SdpMediaDescription answer);

        Assert.Equal(new[] { 111 }, answer.PayloadTypes);
        Assert.Null(choice.TelephoneEventPayloadType);
        Assert.Null(choice.ComfortNoisePayloadType);
    }

    [Fact]
    public void An_answerer_that_renumbers_is_sent_its_numbers_and_received_on_ours()
    {
        var options = new MediaSessionOptions();
        var builder = new SdpOfferOptions { ConnectionAddress = "127.0.0.1", Port = 40_000 };
        foreach (var codec in AudioNegotiation.OfferCodecs(options))
        {
            builder.Codecs.Add(codec);
        }

        SdpMediaDescription offer = SdpOfferBuilder.Create(builder).Media[0];
        SdpMediaDescription answer = SdpSessionDescription.Parse(Head +
            "m=audio 9 UDP/TLS/RTP/SAVPF 109 100\r\na=rtpmap:109 opus/48000/2\r\na=rtpmap:100 telephone-event/48000\r\n").Media[0];

        AudioCodecChoice choice = AudioNegotiation.Choose(answer, offer, options)!;
        Assert.Equal(109, choice.SendPayloadType);
        Assert.Equal(111, choice.ReceivePayloadType);
        Assert.Equal((byte?)100, choice.TelephoneEventPayloadType);
        Assert.Equal((byte?)110, choice.ReceiveTelephoneEventPayloadType);
    }

    [Fact]
    public void Opus_off_offers_and_accepts_g711_only()
    {
        var options = new MediaSessionOptions { OfferOpus = false, PayloadTypes = [8] };
        Assert.Equal(new[] { 8, 101 }, AudioNegotiation.OfferCodecs(options).ConvertAll(c => c.Key));
        SdpMediaDescription offer = SdpSessionDescription.Parse(Head + "m=audio 9 RTP/AVP 111 0\r\na=rtpmap:111 opus/48000/2\r\n").Media[0];
        Assert.Null(AudioNegotiation.Choose(offer, offer, options));
    }
}
