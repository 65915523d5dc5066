using System;
using System.IO;
using System.Linq;
using System.Text;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Tests.Stun;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Fuzz;

/// <summary>The SIP and SDP parsers on random bytes and on mutations of the RFC 4475 torture messages and real SDPs.</summary>
public class TextFuzzTests
{
    [Fact]
    public void SipParser_ThrowsOnlySipParseException()
    {
        byte[][] samples = Directory.GetFiles(TestVectors.PathOf("rfc4475"), "*.dat")
            .Select(File.ReadAllBytes)
            .Append(File.ReadAllBytes(TestVectors.PathOf("webrtc-invite.sip")))
            .ToArray();
        int parsed = 0;
        FuzzRun.Bytes(samples, bytes =>
        {
            try
            {
                SipMessage message = SipMessage.Parse(bytes);
                parsed++;
                _ = message.RequestUri;
            }
            catch (SipParseException)
            {
                Assert.False(SipMessage.TryParse(bytes, out _, out _));
            }
        }, maxLength: 4096);
        Assert.True(parsed > 100, "Too few inputs parsed: " + parsed);
    }

    [Fact]
    public void SdpParser_ThrowsOnlySdpParseException()
    {
        byte[][] samples = new[] { "chrome-offer.sdp", "asterisk-answer.sdp" }
            .Select(name => File.ReadAllBytes(TestVectors.PathOf(name)))
            .ToArray();
        int parsed = 0;
        FuzzRun.Bytes(samples, bytes =>
        {
            string text = Encoding.UTF8.GetString(bytes);
            try
            {
                SdpSessionDescription description = SdpParser.Parse(text);
                parsed++;
                _ = description.ToString();
                foreach (SdpMediaDescription media in description.Media)
                {
                    description.GetSetup(media);
                }
            }
            catch (SdpParseException)
            {
                // The typed rejection is the expected outcome for most inputs.
            }
        }, maxLength: 8192);
        Assert.True(parsed > 100, "Too few inputs parsed: " + parsed);
    }
}
