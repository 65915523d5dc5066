using System.Linq;
using DkCloud.Sdk.WebRtc.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

/// <summary>RFC 4475 §3.1.1: every valid torture message parses, with the values the RFC describes.</summary>
public class SipParserValidVectorTests
{
    // file, method token (or status code), Request-URI, Call-ID, CSeq number, CSeq method, top Via branch, body length
    public static TheoryData<string, string, string?, string, uint, string, string?, int> Valid => new()
    {
        { "wsinv.dat", "INVITE", "sip:vivekg@chair-dnrc.example.com;unknownparam", "wsinv.ndaksdj@192.0.2.1", 9, "INVITE", "390skdjuw", 150 },
        { "intmeth.dat", "!interesting-Method0123456789_*+`.%indeed'~", "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com", "intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", 139122385, "!interesting-Method0123456789_*+`.%indeed'~", "z9hG4bK-.!%66*_+`'~", 0 },
        { "esc01.dat", "INVITE", "sip:sips%3Auser%40example.com@example.net", "esc01.239409asdfakjkn23onasd0-3234", 234234, "INVITE", "z9hG4bKkdjuw", 150 },
        { "escnull.dat", "REGISTER", "sip:example.com", "escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd", 14398234, "REGISTER", "z9hG4bKkdjuw", 0 },
        { "esc02.dat", "RE%47IST%45R", "sip:registrar.example.com", "esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf", 29344, "RE%47IST%45R", "z9hG4bK209%fzsnel234", 0 },
        { "lwsdisp.dat", "OPTIONS", "sip:user@example.com", "lwsdisp.1234abcd@funky.example.com", 60, "OPTIONS", "z9hG4bKkdjuw", 0 },
        { "longreq.dat", "INVITE", "sip:user@example.com", "longreq.onereallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallylongcallid", 3882340, "INVITE", null, 150 },
        { "dblreq.dat", "REGISTER", "sip:example.com", "dblreq.0ha0isndaksdj99sdfafnl3lk233412", 8, "REGISTER", "z9hG4bKkdjuw23492", 0 },
        { "semiuri.dat", "OPTIONS", "sip:user;par=u%40example.net@example.com", "semiuri.0ha0isndaksdj", 8, "OPTIONS", "z9hG4bKkdjuw", 0 },
        { "transports.dat", "OPTIONS", "sip:user@example.com", "transports.kijh4akdnaqjkwendsasfdj", 60, "OPTIONS", "z9hG4bKkdjuw", 0 },
        { "mpart01.dat", "MESSAGE", "sip:kumiko@example.org", "3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..", 1, "MESSAGE", "z9hG4bK-d87543-4dade06d0bdb11ee-1--d87543-", 553 },
        { "unreason.dat", "200", null, "unreason.1234ksdfak3j2erwedfsASdf", 35, "INVITE", "z9hG4bK1324923", 154 },
        { "noreason.dat", "100", null, "noreason.asndj203insdf99223ndf", 35, "INVITE", "z9hG4bK2398ndaoe", 0 },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_message_parses_with_expected_values(
        string file, string methodOrStatus, string? requestUri, string callId, uint cseq, string cseqMethod, string? branch, int bodyLength)
    {
        SipMessage message = SipMessage.Parse(TestVectors.Rfc4475(file));

        if (requestUri is null)
        {
            Assert.False(message.IsRequest);
            Assert.Equal(methodOrStatus, message.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            Assert.True(message.IsRequest);
            Assert.Equal(methodOrStatus, message.MethodName);
            Assert.Equal(requestUri, message.RequestUriText);
        }

        Assert.Equal(callId, message.CallId);
        Assert.Equal(cseq, message.CSeq.Number);
        Assert.Equal(cseqMethod, message.CSeq.MethodName);
        Assert.Equal(branch, message.Vias[0].Branch);
        Assert.Equal(bodyLength, message.Body.Length);
        Assert.Equal(bodyLength, message.ContentLength);
    }

    [Fact]
    public void Wsinv_unfolds_compact_and_spaced_headers()
    {
        SipMessage message = SipMessage.Parse(TestVectors.Rfc4475("wsinv.dat"));

        Assert.Equal(SipMethod.Invite, message.Method);
        Assert.Equal(68, message.MaxForwards);
        Assert.Equal("1918181833n", message.To.Tag);
        Assert.Equal("sip:vivekg@chair-dnrc.example.com", message.To.UriText);
        Assert.Equal("J Rosenberg \\\"", message.From.DisplayName);
        Assert.Equal("98asjd8", message.From.Tag);
        var vias = message.Vias;
        Assert.Equal(3, vias.Count);
        Assert.Equal(("UDP", "192.0.2.2"), (vias[0].Transport, vias[0].Host));
        Assert.Equal(("TCP", "spindle.example.com", "z9hG4bK9ikj8"), (vias[1].Transport, vias[1].Host, vias[1].Branch));
        Assert.Equal(("UDP", "192.168.255.111", "z9hG4bK30239"), (vias[2].Transport, vias[2].Host, vias[2].Branch));
        SipContact contact = Assert.Single(message.Contacts);
        Assert.Equal("Quoted string \"\"", contact.Address!.DisplayName);
        Assert.Equal("newvalue", contact.Address.GetParameter("newparam"));
        Assert.Equal(string.Empty, contact.Address.GetParameter("secondparam"));
        Assert.Equal("0.33", contact.Address.GetParameter("q"));
        Assert.Equal("newfangled value continued newfangled value", message.GetHeaderValue("NewFangledHeader"));
        Assert.Equal(";;,,;;,;", message.GetHeaderValue("UnknownHeaderWithUnusualValue"));
        Assert.Equal(string.Empty, message.GetHeaderValue(SipHeaderName.Subject));
        SipNameAddress route = Assert.Single(message.Routes);
        Assert.Equal("sip:services.example.com;lr;unknownwith=value;unknown-no-value", route.UriText);
        Assert.True(route.Uri!.HasParameter("lr"));
        Assert.Equal("application/sdp", message.ContentType);
    }

    [Fact]
    public void Intmeth_keeps_unusual_characters()
    {
        SipMessage message = SipMessage.Parse(TestVectors.Rfc4475("intmeth.dat"));

        Assert.Equal(SipMethod.Unknown, message.Method);
        Assert.Equal(255, message.MaxForwards);
        Assert.Equal("BEL:\a NUL:\0 DEL:\u007f", message.To.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", message.From.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", message.From.Tag);
        Assert.Equal("работающий", message.From.GetParameter("fromParam''~+*_!.-%"));
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", message.RequestUri!.User);
        Assert.Equal("example.com", message.RequestUri.Host);
        Assert.Equal("\uFEFF大停電", message.GetHeaderValue("extensionHeader-!.%*+_`'~"));
    }

    [Fact]
    public void Escapes_are_kept_as_written()
    {
        SipMessage esc01 = SipMessage.Parse(TestVectors.Rfc4475("esc01.dat"));
        Assert.Equal("sip:%75se%72@example.com", esc01.To.UriText);
        Assert.Equal("I%20have%20spaces", esc01.From.Uri!.User);
        Assert.Equal("sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31", esc01.Contacts[0].Address!.UriText);
        Assert.Equal("application/sdp", esc01.ContentType);

        SipMessage escnull = SipMessage.Parse(TestVectors.Rfc4475("escnull.dat"));
        Assert.Equal(new[] { "%00", "%00%00" }, escnull.Contacts.Select(c => c.Address!.Uri!.User));
        Assert.Equal("null-%00-null", escnull.To.Uri!.User);

        SipMessage esc02 = SipMessage.Parse(TestVectors.Rfc4475("esc02.dat"));
        Assert.Equal(SipMethod.Unknown, esc02.Method);
        Assert.Equal("%Z%45", esc02.To.DisplayName);
        Assert.Equal(2, esc02.Contacts.Count);
        Assert.Equal("<sip:alias2@host2.example.com>", esc02.GetHeaderValue("C%6Fntact"));
    }

    [Fact]
    public void Lwsdisp_display_name_without_space()
    {
        SipMessage message = SipMessage.Parse(TestVectors.Rfc4475("lwsdisp.dat"));
        Assert.Equal("caller", message.From.DisplayName);
        Assert.Equal("sip:caller@example.com", message.From.UriText);
        Assert.Equal("323", message.From.Tag);
    }

    [Fact]
    public void Longreq_keeps_long_values_and_every_via()
    {
        SipMessage message = SipMessage.Parse(TestVectors.Rfc4475("longreq.dat"));
        var vias = message.Vias;
        Assert.Equal(34, vias.Count);
        Assert.Equal("sip33.example.com", vias[0].Host);
        Assert.Equal("sip22.example.com", vias[11].Host);
        Assert.Equal("192.0.2.5", vias[33].Received);
        Assert.StartsWith("verylonglong", vias[33].Branch, System.StringComparison.Ordinal);
        Assert.False(vias[33].HasRfc3261Branch);
        Assert.StartsWith("I have a user name of extremeextreme", message.To.DisplayName, System.StringComparison.Ordinal);
        Assert.Equal(6000, message.To.Uri!.Port);
        Assert.StartsWith("amazinglylongcallername", message.From.Uri!.User, System.StringComparison.Ordinal);
        Assert.Equal(70, message.MaxForwards);
    }

    [Fact]
    public void Dblreq_takes_only_the_first_message()
    {
        byte[] data = TestVectors.Rfc4475("dblreq.dat");
        SipMessage message = SipMessage.Parse(data);
        Assert.Equal(SipMethod.Register, message.Method);
        Assert.True(message.Data.Length < data.Length);
        Assert.Equal(0, message.Body.Length);
        Assert.Equal("sip:j.user@host.example.com", message.Contacts[0].Address!.UriText);
    }

    [Fact]
    public void Semiuri_user_part_holds_semicolon_parameters()
    {
        SipMessage message = SipMessage.Parse(TestVectors.Rfc4475("semiuri.dat"));
        SipUri uri = message.RequestUri!;
        Assert.Equal("user;par=u%40example.net", uri.User);
        Assert.Equal("example.com", uri.Host);
        Assert.Empty(uri.Parameters);
        Assert.Equal("application/sdp, application/pkcs7-mime, multipart/mixed, multipart/signed, message/sip, message/sipfrag",
            message.GetHeaderValue("Accept"));
    }

    [Fact]
    public void Transports_lists_every_transport()
    {
        SipMessage message = SipMessage.Parse(TestVectors.Rfc4475("transports.dat"));
        Assert.Equal(new[] { "UDP", "SCTP", "TLS", "UNKNOWN", "TCP" }, message.Vias.Select(v => v.Transport));
    }

    [Fact]
    public void Mpart01_body_is_framed_by_content_length_and_keeps_nul_bytes()
    {
        byte[] data = TestVectors.Rfc4475("mpart01.dat");
        SipMessage message = SipMessage.Parse(data);
        Assert.Equal(553, message.Body.Length);
        Assert.Contains((byte)0, message.Body.ToArray());
        Assert.Equal("multipart/mixed;boundary=7a9cbec02ceef655", message.ContentType);
        Assert.EndsWith("--7a9cbec02ceef655--", System.Text.Encoding.ASCII.GetString(message.Body.ToArray()).TrimEnd(), System.StringComparison.Ordinal);
        Assert.True(message.Vias[0].HasRport);
        Assert.Null(message.Vias[0].Rport);
        Assert.Equal(5070, message.Vias[0].Port);
    }

    [Fact]
    public void Unusual_and_empty_reason_phrases()
    {
        SipMessage unreason = SipMessage.Parse(TestVectors.Rfc4475("unreason.dat"));
        Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", unreason.ReasonPhrase);
        Assert.Null(unreason.RequestUriText);

        SipMessage noreason = SipMessage.Parse(TestVectors.Rfc4475("noreason.dat"));
        Assert.Equal(100, noreason.StatusCode);
        Assert.Equal(string.Empty, noreason.ReasonPhrase);
    }
}
