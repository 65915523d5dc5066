using System.Linq;
using System.Text;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Tests.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sdp;

public class SdpOfferAnswerTests
{
    private static SdpSessionDescription ChromeOffer() => SdpParser.Parse(Encoding.UTF8.GetString(TestVectors.Read("chrome-offer.sdp")));

    private static SdpAnswerOptions Options()
    {
        var options = new SdpAnswerOptions
        {
            Origin = new SdpOrigin("-", 99, 1, "IP4", "192.0.2.50"),
            ConnectionAddress = "192.0.2.50",
            Port = 40000,
            IceUfrag = "loc1",
            IcePwd = "localpasswordlocalpassword",
            Fingerprint = SdpFingerprint.Parse("sha-256 " + string.Join(":", Enumerable.Repeat("AB", 32))),
            EndOfCandidates = true,
            Ssrc = 1234,
            Cname = "dkcloud",
        };
        options.Candidates.Add(new SdpCandidate("1", 1, "udp", 2130706431, "192.0.2.50", 40000, "host"));
        return options;
    }

    [Fact]
    public void Answer_to_chrome_offer_keeps_offer_order_and_payload_types()
    {
        SdpSessionDescription answer = SdpOfferAnswer.CreateAnswer(ChromeOffer(), Options());
        SdpMediaDescription audio = Assert.Single(answer.Media);

        // Offer: 111 opus, 63 red, 9 G722, 0 PCMU, 8 PCMA, 13 CN, 110 te/48000, 126 te/8000.
        Assert.Equal(new[] { 111, 0, 8, 110, 126 }, audio.PayloadTypes);
        Assert.Equal("minptime=10;useinbandfec=1", audio.GetFmtp(111));
        Assert.Equal(("opus", 48000, 2), (audio.GetRtpMap(111)!.EncodingName, audio.GetRtpMap(111)!.ClockRate, audio.GetRtpMap(111)!.Channels));
        Assert.Equal("PCMU", audio.GetRtpMap(0)!.EncodingName);
        Assert.Equal(40000, audio.Port);
        Assert.Equal("UDP/TLS/RTP/SAVPF", audio.Protocol);
        Assert.Equal("0", audio.Mid);
        Assert.True(audio.RtcpMux);
        Assert.Equal(SdpSetupRole.Active, audio.Setup);
        Assert.Equal(SdpDirection.SendRecv, audio.ExplicitDirection);
        Assert.Equal("loc1", audio.IceUfrag);
        Assert.Equal(new[] { "trickle" }, audio.IceOptions);
        Assert.Single(audio.Candidates);
        Assert.True(audio.EndOfCandidates);
        Assert.Equal(20, audio.Ptime);
        Assert.Equal("dkcloud", audio.Ssrcs[0].Value);
        Assert.Equal(new[] { "0" }, answer.BundleGroup);
        Assert.Equal("192.0.2.50", answer.Connection!.Address);

        // The answer is itself valid SDP.
        Assert.Equal(answer.ToString(), SdpParser.Parse(answer.ToString()).ToString());
    }

    [Fact]
    public void Telephone_event_is_kept_only_at_a_kept_codec_clock_rate()
    {
        SdpSessionDescription offer = SdpParser.Parse(
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8 101 102\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=rtpmap:102 telephone-event/48000\r\n");
        SdpMediaDescription audio = SdpOfferAnswer.CreateAnswer(offer, new SdpAnswerOptions()).Media[0];

        Assert.Equal(new[] { 8, 101 }, audio.PayloadTypes);
        Assert.Equal("0-15", audio.GetFmtp(101));
        Assert.Null(audio.Setup);
        Assert.Null(audio.IceUfrag);
    }

    [Theory]
    [InlineData("sendrecv", "sendrecv", "sendrecv")]
    [InlineData("sendonly", "sendrecv", "recvonly")]
    [InlineData("recvonly", "sendrecv", "sendonly")]
    [InlineData("inactive", "sendrecv", "inactive")]
    [InlineData("sendrecv", "sendonly", "sendonly")]
    [InlineData("sendrecv", "recvonly", "recvonly")]
    [InlineData("sendonly", "sendonly", "inactive")]
    [InlineData("recvonly", "inactive", "inactive")]
    public void Direction_is_reversed_and_narrowed(string offered, string local, string expected)
    {
        SdpSessionDescription offer = SdpParser.Parse(
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=" + offered + "\r\n");
        var options = new SdpAnswerOptions { LocalDirection = Parse(local) };

        Assert.Equal(Parse(expected), SdpOfferAnswer.CreateAnswer(offer, options).Media[0].Direction);
    }

    [Theory]
    [InlineData("actpass", "active")]
    [InlineData("active", "passive")]
    [InlineData("passive", "active")]
    [InlineData("holdconn", "holdconn")]
    public void Setup_role_answers(string offered, string expected)
    {
        SdpSessionDescription offer = SdpParser.Parse(
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\na=setup:" + offered + "\r\nm=audio 4000 UDP/TLS/RTP/SAVPF 0\r\n");
        SdpMediaDescription audio = SdpOfferAnswer.CreateAnswer(offer, Options()).Media[0];
        Assert.Equal(expected, audio.Attributes.Get("setup"));
    }

    [Fact]
    public void Unsupported_sections_are_rejected_with_port_zero()
    {
        SdpSessionDescription offer = SdpParser.Parse(
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\na=group:BUNDLE a v d\r\n"
            + "m=audio 4000 UDP/TLS/RTP/SAVPF 9 18\r\na=mid:a\r\na=rtpmap:9 G722/8000\r\na=rtpmap:18 G729/8000\r\n"
            + "m=video 4002 UDP/TLS/RTP/SAVPF 96\r\na=mid:v\r\na=rtpmap:96 VP8/90000\r\n"
            + "m=application 4004 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:d\r\n"
            + "m=audio 4006 UDP/TLS/RTP/SAVPF 0\r\na=mid:b\r\n");
        SdpSessionDescription answer = SdpOfferAnswer.CreateAnswer(offer, Options());

        Assert.Equal(4, answer.Media.Count);
        Assert.Equal(new[] { 0, 0, 0, 40000 }, answer.Media.Select(m => m.Port));
        Assert.Equal("9", Assert.Single(answer.Media[0].Formats));
        Assert.Equal("webrtc-datachannel", Assert.Single(answer.Media[2].Formats));
        Assert.Equal(new[] { "a", "v", "d", "b" }, answer.Media.Select(m => m.Mid));
        Assert.Empty(answer.BundleGroup);
        Assert.Single(answer.Media[3].Candidates);
    }

    [Fact]
    public void Static_payload_types_without_rtpmap_are_recognised()
    {
        SdpSessionDescription offer = SdpParser.Parse(
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=audio 4000 RTP/AVP 3 8 0\r\n");
        SdpMediaDescription audio = SdpOfferAnswer.CreateAnswer(offer, new SdpAnswerOptions { Codecs = new[] { SdpCodec.Pcmu } }).Media[0];
        Assert.Equal(new[] { 0 }, audio.PayloadTypes);
        Assert.Equal("0 PCMU/8000", audio.Attributes.Get("rtpmap"));
    }

    private static SdpDirection Parse(string text) => text switch
    {
        "sendrecv" => SdpDirection.SendRecv,
        "sendonly" => SdpDirection.SendOnly,
        "recvonly" => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };
}
