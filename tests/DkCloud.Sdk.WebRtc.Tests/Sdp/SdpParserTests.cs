using System;
using System.Linq;
using System.Text;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Tests.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sdp;

public class SdpParserTests
{
    private static string ReadVector(string name) => Encoding.UTF8.GetString(TestVectors.Read(name));

    [Fact]
    public void Chrome_offer_session_level()
    {
        SdpSessionDescription offer = SdpParser.Parse(ReadVector("chrome-offer.sdp"));

        Assert.Equal("-", offer.Origin.Username);
        Assert.Equal(4611731400430051336UL, offer.Origin.SessionId);
        Assert.Equal(2UL, offer.Origin.SessionVersion);
        Assert.Equal("127.0.0.1", offer.Origin.Address);
        Assert.Equal("-", offer.SessionName);
        Assert.Equal(new[] { "0" }, offer.BundleGroup);
        Assert.Null(offer.Connection);
        Assert.Equal(new System.Collections.Generic.KeyValuePair<ulong, ulong>(0, 0), Assert.Single(offer.Timings));
        Assert.Equal(" WMS 5c1d3f0e-8a7b-4b8e-9a43-2f5d7e6c1b90", offer.Attributes.Get("msid-semantic"));
        Assert.True(offer.Attributes.Has("extmap-allow-mixed"));
    }

    [Fact]
    public void Chrome_offer_audio_section()
    {
        SdpSessionDescription offer = SdpParser.Parse(ReadVector("chrome-offer.sdp"));
        SdpMediaDescription audio = Assert.Single(offer.Media);

        Assert.Equal(("audio", 50324, "UDP/TLS/RTP/SAVPF"), (audio.Media, audio.Port, audio.Protocol));
        Assert.Equal(new[] { 111, 63, 9, 0, 8, 13, 110, 126 }, audio.PayloadTypes);
        Assert.Equal("203.0.113.45", offer.GetConnection(audio)!.Address);
        Assert.Equal("9 IN IP4 0.0.0.0", audio.Rtcp);
        Assert.True(audio.RtcpMux);
        Assert.Equal("0", audio.Mid);
        Assert.Equal(SdpDirection.SendRecv, audio.ExplicitDirection);
        Assert.Equal("8hhY", offer.GetIceUfrag(audio));
        Assert.Equal("asd88fgpdd777uzjYhagZg2e", offer.GetIcePwd(audio));
        Assert.Equal(new[] { "trickle" }, offer.GetIceOptions(audio));
        Assert.True(audio.EndOfCandidates);
        Assert.Equal(SdpSetupRole.ActPass, offer.GetSetup(audio));

        SdpFingerprint fingerprint = offer.GetFingerprint(audio)!;
        Assert.Equal("sha-256", fingerprint.HashFunction);
        Assert.Equal(32, fingerprint.GetBytes().Length);
        Assert.Equal(0x7B, fingerprint.GetBytes()[0]);

        SdpRtpMap opus = audio.GetRtpMap(111)!;
        Assert.Equal(("opus", 48000, 2), (opus.EncodingName, opus.ClockRate, opus.Channels));
        Assert.Equal("minptime=10;useinbandfec=1", audio.GetFmtp(111));
        Assert.Equal("111/111", audio.GetFmtp(63));
        Assert.Null(audio.GetFmtp(0));
        Assert.Equal(48000, audio.GetRtpMap(110)!.ClockRate);
        Assert.Equal("telephone-event", audio.GetRtpMap(126)!.EncodingName);
        Assert.Null(audio.GetRtpMap(126)!.Channels);

        Assert.Equal("5c1d3f0e-8a7b-4b8e-9a43-2f5d7e6c1b90 0f2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d", audio.Msid);
        Assert.Equal(2, audio.Ssrcs.Count);
        Assert.Equal((3735928559u, "cname", "Yq1dO9c1RfYx0d2A"), (audio.Ssrcs[0].Ssrc, audio.Ssrcs[0].Attribute, audio.Ssrcs[0].Value));
    }

    [Fact]
    public void Chrome_offer_candidates()
    {
        var candidates = SdpParser.Parse(ReadVector("chrome-offer.sdp")).Media[0].Candidates;
        Assert.Equal(5, candidates.Count);

        SdpCandidate host = candidates[0];
        Assert.Equal(("1467250027", 1, "udp", 2122260223u), (host.Foundation, host.Component, host.Transport, host.Priority));
        Assert.Equal(("192.168.1.23", 50324, "host"), (host.Address, host.Port, host.Type));
        Assert.Equal(0, host.Generation);
        Assert.Equal("10", host.GetExtension("network-cost"));

        Assert.EndsWith(".local", candidates[1].Address, StringComparison.Ordinal);

        SdpCandidate srflx = candidates[2];
        Assert.Equal(("srflx", "192.168.1.23", 50324), (srflx.Type, srflx.RelatedAddress, srflx.RelatedPort));

        Assert.Equal("relay", candidates[3].Type);
        Assert.Equal(("tcp", "active", 9), (candidates[4].Transport, candidates[4].TcpType, candidates[4].Port));
    }

    [Fact]
    public void Asterisk_answer()
    {
        SdpSessionDescription answer = SdpParser.Parse(ReadVector("asterisk-answer.sdp"));
        SdpMediaDescription audio = Assert.Single(answer.Media);

        Assert.Equal("Asterisk", answer.SessionName);
        Assert.Equal("10.20.30.40", answer.GetConnection(audio)!.Address);
        Assert.Equal(new[] { 0, 8, 101 }, audio.PayloadTypes);
        Assert.Equal(SdpSetupRole.Active, answer.GetSetup(audio));
        Assert.Equal("SHA-256", audio.Fingerprint!.HashFunction);
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(140, audio.MaxPtime);
        Assert.Equal("0-16", audio.GetFmtp(101));
        Assert.Equal(2, audio.Candidates.Count);
        Assert.Equal(("UDP", "62.138.28.5", 14590), (audio.Candidates[1].Transport, audio.Candidates[1].Address, audio.Candidates[1].Port));
        Assert.Equal(1834619201u, audio.Ssrcs[0].Ssrc);
        Assert.False(audio.EndOfCandidates);
    }

    [Theory]
    [InlineData("chrome-offer.sdp")]
    [InlineData("asterisk-answer.sdp")]
    public void Round_trip_is_exact(string name)
    {
        string text = ReadVector(name);
        Assert.Equal(text, SdpParser.Parse(text).ToString());
    }

    [Fact]
    public void Sdp_body_of_a_sip_message_parses()
    {
        var message = DkCloud.Sdk.WebRtc.Sip.SipMessage.Parse(TestVectors.Read("webrtc-invite.sip"));
        SdpSessionDescription sdp = SdpParser.Parse(Encoding.UTF8.GetString(message.Body.ToArray()));
        Assert.Equal(new[] { 0, 8, 111, 101 }, sdp.Media[0].PayloadTypes);
        Assert.Equal(20, sdp.Media[0].Ptime);
        Assert.Equal(SdpDirection.SendRecv, sdp.Media[0].ExplicitDirection);
    }

    [Fact]
    public void Bare_lf_and_session_level_direction_are_accepted()
    {
        string text = "v=0\no=- 1 1 IN IP4 1.2.3.4\ns=-\nc=IN IP4 1.2.3.4\nt=0 0\na=sendonly\nm=audio 4000 RTP/AVP 0\n";
        SdpSessionDescription sdp = SdpParser.Parse(text);
        Assert.Null(sdp.Media[0].ExplicitDirection);
        Assert.Equal(SdpDirection.SendOnly, sdp.GetDirection(sdp.Media[0]));
    }

    [Theory]
    [InlineData("", SdpRejectReason.InvalidSize)]
    [InlineData("o=- 1 1 IN IP4 1.2.3.4\r\nv=0\r\ns=-\r\nt=0 0\r\n", SdpRejectReason.VersionNotFirst)]
    [InlineData("v=0\r\nv=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n", SdpRejectReason.VersionNotFirst)]
    [InlineData("v=1\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n", SdpRejectReason.UnsupportedVersion)]
    [InlineData("v=0\r\ns=-\r\no=- 1 1 IN IP4 1.2.3.4\r\nt=0 0\r\n", SdpRejectReason.InvalidLineOrder)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nm=audio 4000 RTP/AVP 0\r\n", SdpRejectReason.InvalidLineOrder)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\nt=0 0\r\n", SdpRejectReason.InvalidLineOrder)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=sendrecv\r\nc=IN IP4 1.2.3.4\r\n", SdpRejectReason.InvalidLineOrder)]
    [InlineData("v=0\r\no=- 1 1 IN IP4\r\ns=-\r\nt=0 0\r\n", SdpRejectReason.InvalidOrigin)]
    [InlineData("v=0\r\no=- x 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n", SdpRejectReason.InvalidOrigin)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4\r\nt=0 0\r\n", SdpRejectReason.InvalidConnection)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0\r\n", SdpRejectReason.InvalidTiming)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP\r\n", SdpRejectReason.InvalidMedia)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 70000 RTP/AVP 0\r\n", SdpRejectReason.PortOutOfRange)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio -1 RTP/AVP 0\r\n", SdpRejectReason.PortOutOfRange)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 PCMU\r\n", SdpRejectReason.InvalidPayloadType)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 128\r\n", SdpRejectReason.InvalidPayloadType)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:x PCMU/8000\r\n", SdpRejectReason.InvalidPayloadType)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU\r\n", SdpRejectReason.InvalidAttribute)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nbad line\r\n", SdpRejectReason.InvalidLine)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nM=audio 4000 RTP/AVP 0\r\n", SdpRejectReason.InvalidLine)]
    public void Malformed_descriptions_are_rejected(string text, SdpRejectReason reason)
    {
        var exception = Assert.Throws<SdpParseException>(() => SdpParser.Parse(text));
        Assert.Equal(reason, exception.Reason);
        Assert.DoesNotContain("1.2.3.4", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_rtp_formats_are_not_payload_types()
    {
        SdpSessionDescription sdp = SdpParser.Parse(
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=sctp-port:5000\r\n");
        Assert.False(sdp.Media[0].IsRtp);
        Assert.Equal("webrtc-datachannel", Assert.Single(sdp.Media[0].Formats));
    }

    [Theory]
    [InlineData("1 1 udp 2122260223 192.168.1.23 50324")]
    [InlineData("1 1 udp 2122260223 192.168.1.23 50324 typ")]
    [InlineData("1 0 udp 2122260223 192.168.1.23 50324 typ host")]
    [InlineData("1 1 udp 4294967296 192.168.1.23 50324 typ host")]
    [InlineData("1 1 udp 2122260223 192.168.1.23 65536 typ host")]
    [InlineData("f_o 1 udp 2122260223 192.168.1.23 5000 typ host")]
    [InlineData("1 1 udp 2122260223 192.168.1.23 5000 typ host generation")]
    public void Malformed_candidates_are_rejected(string value)
        => Assert.Throws<SdpParseException>(() => SdpCandidate.Parse(value));

    [Fact]
    public void Candidate_round_trips_and_accepts_the_trickle_prefix()
    {
        const string Text = "842163049 1 udp 1677729535 203.0.113.45 50324 typ srflx raddr 192.168.1.23 rport 50324 generation 0 ufrag 8hhY";
        Assert.Equal(Text, SdpCandidate.Parse(Text).ToString());
        Assert.Equal(Text, SdpCandidate.Parse("candidate:" + Text).ToString());
    }

    [Theory]
    [InlineData("sha-256")]
    [InlineData("sha-256 7B:8B:GG")]
    [InlineData("sha-256 7B8B")]
    public void Malformed_fingerprints_are_rejected(string value)
        => Assert.Throws<SdpParseException>(() => SdpFingerprint.Parse(value));

    [Fact]
    public void Unknown_setup_value_is_rejected()
    {
        SdpSessionDescription sdp = SdpParser.Parse("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=setup:sideways\r\n");
        Assert.Equal(SdpRejectReason.InvalidAttribute, Assert.Throws<SdpParseException>(() => sdp.Media[0].Setup).Reason);
    }

    [Fact]
    public void Written_lines_keep_rfc_order()
    {
        var sdp = new SdpSessionDescription(new SdpOrigin("dk", 7, 8, "IP4", "10.0.0.1")) { Connection = new SdpConnection("IP4", "10.0.0.1") };
        sdp.OtherLines.Add(new System.Collections.Generic.KeyValuePair<char, string>('b', "AS:64"));
        sdp.OtherLines.Add(new System.Collections.Generic.KeyValuePair<char, string>('i', "info"));
        var media = new SdpMediaDescription("audio", 4000, "RTP/AVP");
        media.Formats.Add("0");
        media.Direction = SdpDirection.RecvOnly;
        media.Direction = SdpDirection.Inactive;
        sdp.Media.Add(media);

        Assert.Equal("v=0\r\no=dk 7 8 IN IP4 10.0.0.1\r\ns=-\r\ni=info\r\nc=IN IP4 10.0.0.1\r\nb=AS:64\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=inactive\r\n", sdp.ToString());
        Assert.Equal(SdpDirection.Inactive, SdpParser.Parse(sdp.ToString()).Media[0].Direction);
    }
}
