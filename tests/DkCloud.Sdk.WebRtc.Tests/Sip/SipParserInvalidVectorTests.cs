using System;
using System.Text;
using DkCloud.Sdk.WebRtc.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

/// <summary>RFC 4475 §3.1.2 (invalid) and §3.2-3.4 (semantic) torture messages.</summary>
public class SipParserInvalidVectorTests
{
    public static TheoryData<string, SipRejectReason> Invalid => new()
    {
        { "badinv01.dat", SipRejectReason.InvalidVia },
        { "clerr.dat", SipRejectReason.IncompleteBody },
        { "ncl.dat", SipRejectReason.InvalidContentLength },
        { "scalar02.dat", SipRejectReason.InvalidCSeq },
        { "scalarlg.dat", SipRejectReason.InvalidCSeq },
        { "quotbal.dat", SipRejectReason.UnterminatedQuotedString },
        { "ltgtruri.dat", SipRejectReason.InvalidRequestUri },
        { "lwsruri.dat", SipRejectReason.InvalidRequestLine },
        { "lwsstart.dat", SipRejectReason.InvalidRequestLine },
        { "trws.dat", SipRejectReason.InvalidRequestLine },
        { "escruri.dat", SipRejectReason.InvalidRequestUri },
        { "baddate.dat", SipRejectReason.InvalidDate },
        { "regbadct.dat", SipRejectReason.InvalidNameAddress },
        { "badaspec.dat", SipRejectReason.InvalidNameAddress },
        { "baddn.dat", SipRejectReason.InvalidDisplayName },
        { "badvers.dat", SipRejectReason.UnsupportedVersion },
        { "mismatch01.dat", SipRejectReason.CSeqMethodMismatch },
        { "mismatch02.dat", SipRejectReason.CSeqMethodMismatch },
        { "bigcode.dat", SipRejectReason.InvalidStatusCode },
        // §3.3: parseable in principle, but each breaks a rule the message layer enforces (answer 400).
        { "insuf.dat", SipRejectReason.MissingRequiredHeader },
        { "multi01.dat", SipRejectReason.DuplicateHeader },
        { "mcl01.dat", SipRejectReason.MultipleContentLength },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_message_is_rejected_with_reason(string file, SipRejectReason reason)
    {
        byte[] data = TestVectors.Rfc4475(file);

        var exception = Assert.Throws<SipParseException>(() => SipMessage.Parse(data));

        Assert.Equal(reason, exception.Reason);
        Assert.False(SipMessage.TryParse(data, out SipMessage? message, out SipRejectReason tryReason));
        Assert.Null(message);
        Assert.Equal(reason, tryReason);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Rejection_message_holds_no_payload(string file, SipRejectReason reason)
    {
        byte[] data = TestVectors.Rfc4475(file);
        var exception = Assert.Throws<SipParseException>(() => SipMessage.Parse(data));
        string firstLine = Encoding.UTF8.GetString(data).Split("\r\n")[0];

        Assert.DoesNotContain(firstLine, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sip:", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("example", exception.Message, StringComparison.Ordinal);
        Assert.Equal(reason, exception.Reason);
    }

    [Fact]
    public void Unsupported_version_suggests_505_and_others_400()
    {
        Assert.Equal(505, Assert.Throws<SipParseException>(() => SipMessage.Parse(TestVectors.Rfc4475("badvers.dat"))).SuggestedStatusCode);
        Assert.Equal(400, Assert.Throws<SipParseException>(() => SipMessage.Parse(TestVectors.Rfc4475("clerr.dat"))).SuggestedStatusCode);
    }

    [Fact]
    public void Badbranch_parses_but_the_branch_is_not_rfc3261()
    {
        // RFC 4475 §3.2.1: a branch of just the magic cookie must not break the parser; the transaction layer decides.
        SipMessage message = SipMessage.Parse(TestVectors.Rfc4475("badbranch.dat"));
        Assert.Equal("z9hG4bK", message.Vias[0].Branch);
        Assert.False(message.Vias[0].HasRfc3261Branch);
    }

    [Fact]
    public void Unknown_schemes_parse_and_leave_the_uri_to_the_application()
    {
        SipMessage unkscm = SipMessage.Parse(TestVectors.Rfc4475("unkscm.dat"));
        Assert.Equal("nobodyKnowsThisScheme:totallyopaquecontent", unkscm.RequestUriText);
        Assert.Null(unkscm.RequestUri);

        SipMessage novelsc = SipMessage.Parse(TestVectors.Rfc4475("novelsc.dat"));
        Assert.Equal("soap.beep://192.0.2.103:3002", novelsc.RequestUriText);
        Assert.Null(novelsc.RequestUri);

        SipMessage unksm2 = SipMessage.Parse(TestVectors.Rfc4475("unksm2.dat"));
        Assert.Equal("isbn:2983792873", unksm2.To.UriText);
        Assert.Null(unksm2.To.Uri);
        Assert.Equal("http://www.example.com", unksm2.From.UriText);
        Assert.Equal("name:John_Smith", unksm2.Contacts[0].Address!.UriText);
    }

    [Fact]
    public void Contact_parameters_outside_and_inside_angle_brackets()
    {
        SipContact outside = Assert.Single(SipMessage.Parse(TestVectors.Rfc4475("cparam01.dat")).Contacts);
        Assert.Equal("sip:+19725552222@gw1.example.net", outside.Address!.UriText);
        Assert.Equal(string.Empty, outside.Address.GetParameter("unknownparam"));

        SipContact inside = Assert.Single(SipMessage.Parse(TestVectors.Rfc4475("cparam02.dat")).Contacts);
        Assert.Equal("sip:+19725552222@gw1.example.net;unknownparam", inside.Address!.UriText);
        Assert.Null(inside.Address.GetParameter("unknownparam"));
        Assert.True(inside.Address.Uri!.HasParameter("unknownparam"));

        SipContact escaped = Assert.Single(SipMessage.Parse(TestVectors.Rfc4475("regescrt.dat")).Contacts);
        Assert.Equal("sip:user@example.com?Route=%3Csip:sip.example.com%3E", escaped.Address!.UriText);
        Assert.Equal("Route", escaped.Address.Uri!.Headers[0].Key);
        Assert.Equal("%3Csip:sip.example.com%3E", escaped.Address.Uri.Headers[0].Value);
    }

    [Theory]
    [InlineData("bext01.dat", "OPTIONS")]
    [InlineData("invut.dat", "INVITE")]
    [InlineData("regaut01.dat", "REGISTER")]
    [InlineData("bcast.dat", null)]
    [InlineData("zeromf.dat", "OPTIONS")]
    [InlineData("sdp01.dat", "INVITE")]
    [InlineData("inv2543.dat", "INVITE")]
    public void Semantic_vectors_parse(string file, string? method)
    {
        SipMessage message = SipMessage.Parse(TestVectors.Rfc4475(file));
        Assert.Equal(method, message.MethodName);
    }

    [Fact]
    public void Semantic_vector_details()
    {
        SipMessage bext = SipMessage.Parse(TestVectors.Rfc4475("bext01.dat"));
        Assert.Equal(new[] { "nothingSupportsThis", "nothingSupportsThisEither" }, bext.Require);

        SipMessage zeromf = SipMessage.Parse(TestVectors.Rfc4475("zeromf.dat"));
        Assert.Equal(0, zeromf.MaxForwards);

        SipMessage inv2543 = SipMessage.Parse(TestVectors.Rfc4475("inv2543.dat"));
        Assert.Null(inv2543.MaxForwards);
        Assert.Null(inv2543.Vias[0].Branch);
        Assert.Equal(inv2543.Data.Length - inv2543.Body.Length, Encoding.ASCII.GetString(inv2543.Data.ToArray()).IndexOf("v=0", StringComparison.Ordinal));
        Assert.Equal("sip:UserB@example.com;maddr=ss1.example.com", Assert.Single(inv2543.RecordRoutes).UriText);

        SipMessage regaut = SipMessage.Parse(TestVectors.Rfc4475("regaut01.dat"));
        Assert.Equal("NoOneKnowsThisScheme opaque-data=here", regaut.GetHeaderValue(SipHeaderName.Authorization));

        SipMessage bcast = SipMessage.Parse(TestVectors.Rfc4475("bcast.dat"));
        Assert.Equal("255.255.255.255", bcast.Vias[1].Host);
    }
}
