using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Sdp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Media;

public class SdpOfferBuilderTests
{
    [Fact]
    public void Offer_has_one_webrtc_audio_line_with_ice_dtls_and_g711()
    {
        var options = new SdpOfferOptions
        {
            ConnectionAddress = "127.0.0.1",
            Port = 40_000,
            IceUfrag = "ufrag123",
            IcePwd = "passwordpasswordpassword",
            Fingerprint = new SdpFingerprint("sha-256", "AB:CD"),
            Ssrc = 1234,
            Cname = "cname",
        };
        options.Codecs.Add(new KeyValuePair<int, SdpCodec>(0, SdpCodec.Pcmu));
        options.Codecs.Add(new KeyValuePair<int, SdpCodec>(8, SdpCodec.Pcma));
        options.Codecs.Add(new KeyValuePair<int, SdpCodec>(101, SdpCodec.TelephoneEvent8000));
        options.Candidates.Add(new SdpCandidate("1", 1, "UDP", 2_130_706_431, "127.0.0.1", 40_000, "host"));

        string text = SdpOfferBuilder.Create(options).ToString();
        SdpSessionDescription parsed = SdpSessionDescription.Parse(text);

        SdpMediaDescription audio = Assert.Single(parsed.Media);
        Assert.Equal("audio", audio.Media);
        Assert.Equal(40_000, audio.Port);
        Assert.Equal("UDP/TLS/RTP/SAVPF", audio.Protocol);
        Assert.Equal(new[] { 0, 8, 101 }, audio.PayloadTypes);
        Assert.Equal("PCMU", audio.GetRtpMap(0)!.EncodingName);
        Assert.Equal("PCMA", audio.GetRtpMap(8)!.EncodingName);
        Assert.Equal("telephone-event", audio.GetRtpMap(101)!.EncodingName);
        Assert.Equal("0", audio.Mid);
        Assert.True(audio.RtcpMux);
        Assert.Equal(SdpSetupRole.ActPass, audio.Setup);
        Assert.Equal("ufrag123", parsed.GetIceUfrag(audio));
        Assert.Equal("passwordpasswordpassword", parsed.GetIcePwd(audio));
        Assert.Equal("sha-256", audio.Fingerprint!.HashFunction);
        Assert.Equal("127.0.0.1", Assert.Single(audio.Candidates).Address);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.Equal(20, audio.Ptime);
        Assert.Equal("127.0.0.1", parsed.GetConnection(audio)!.Address);
        Assert.Contains("a=ssrc:1234 cname:cname", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_without_codecs_is_refused()
        => Assert.Throws<System.ArgumentException>(() => SdpOfferBuilder.Create(new SdpOfferOptions()));
}
