using System;
using System.Text;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Tests.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sdp;

/// <summary>Damaged descriptions must end in <see cref="SdpParseException"/>, never in another exception.</summary>
public class SdpRobustnessTests
{
    private const string Interesting = "\r\n =:/ 0123456789-abcvmota";

    [Theory]
    [InlineData("chrome-offer.sdp")]
    [InlineData("asterisk-answer.sdp")]
    public void Mutated_descriptions_fail_only_with_parse_exceptions(string file)
    {
        string original = Encoding.UTF8.GetString(TestVectors.Read(file));
        var random = new Random(4242);
        int parsed = 0;
        for (int round = 0; round < 2000; round++)
        {
            char[] text = original.ToCharArray();
            int edits = 1 + random.Next(3);
            for (int e = 0; e < edits; e++)
            {
                text[random.Next(text.Length)] = Interesting[random.Next(Interesting.Length)];
            }

            parsed += Exercise(new string(text)) ? 1 : 0;
        }

        // Most single-character damage lands in values that stay well-formed; both paths must be exercised.
        Assert.InRange(parsed, 1, 1999);
    }

    private static bool Exercise(string text)
    {
        try
        {
            SdpSessionDescription sdp = SdpParser.Parse(text);
            foreach (SdpMediaDescription media in sdp.Media)
            {
                _ = media.PayloadTypes;
                _ = media.RtpMaps;
                _ = media.Candidates;
                _ = media.Ssrcs;
                _ = sdp.GetFingerprint(media)?.GetBytes();
                _ = sdp.GetSetup(media);
                _ = sdp.GetDirection(media);
            }

            _ = SdpOfferAnswer.CreateAnswer(sdp, new SdpAnswerOptions()).ToString();
            _ = sdp.ToString();
            return true;
        }
        catch (SdpParseException)
        {
            return false;
        }
    }
}
