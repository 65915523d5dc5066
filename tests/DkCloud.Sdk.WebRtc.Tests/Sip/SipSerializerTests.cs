using System;
using System.Linq;
using System.Text;
using DkCloud.Sdk.WebRtc.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

public class SipSerializerTests
{
    private static readonly Guid Instance = Guid.Parse("0b7a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");

    public static TheoryData<string> RoundTripFiles => new()
    {
        "wsinv.dat", "intmeth.dat", "esc01.dat", "escnull.dat", "esc02.dat", "lwsdisp.dat", "longreq.dat", "dblreq.dat",
        "semiuri.dat", "transports.dat", "mpart01.dat", "unreason.dat", "noreason.dat", "badbranch.dat", "inv2543.dat",
        "unksm2.dat", "cparam01.dat", "cparam02.dat", "regescrt.dat", "bcast.dat",
    };

    [Theory]
    [MemberData(nameof(RoundTripFiles))]
    public void Parse_serialize_parse_gives_equal_values(string file)
    {
        SipMessage first = SipMessage.Parse(TestVectors.Rfc4475(file));
        byte[] written = SipOutgoingMessage.From(first).ToArray();
        SipMessage second = SipMessage.Parse(written);

        Assert.Equal(first.IsRequest, second.IsRequest);
        Assert.Equal(first.MethodName, second.MethodName);
        Assert.Equal(first.RequestUriText, second.RequestUriText);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(first.ReasonPhrase, second.ReasonPhrase);
        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.CSeq.Number, second.CSeq.Number);
        Assert.Equal(first.CSeq.MethodName, second.CSeq.MethodName);
        Assert.Equal(first.From.ToString(), second.From.ToString());
        Assert.Equal(first.To.ToString(), second.To.ToString());
        Assert.Equal(first.Vias.Select(v => v.ToString()), second.Vias.Select(v => v.ToString()));
        Assert.Equal(first.Contacts.Select(c => c.ToString()), second.Contacts.Select(c => c.ToString()));
        Assert.Equal(first.Routes.Select(r => r.ToString()), second.Routes.Select(r => r.ToString()));
        Assert.Equal(first.MaxForwards, second.MaxForwards);
        Assert.Equal(first.ContentType, second.ContentType);
        Assert.True(first.Body.Span.SequenceEqual(second.Body.Span));
        Assert.Equal(first.HeaderCount + (first.Contains(SipHeaderName.ContentLength) ? 0 : 1), second.HeaderCount);
    }

    [Fact]
    public void Typed_values_write_back_in_canonical_form()
    {
        SipMessage message = SipMessage.Parse(TestVectors.Rfc4475("wsinv.dat"));
        Assert.Equal("SIP/2.0/TCP spindle.example.com;branch=z9hG4bK9ikj8", message.Vias[1].ToString());
        Assert.Equal("\"J Rosenberg \\\\\\\"\" <sip:jdrosen@example.com>;tag=98asjd8", message.From.ToString());
        Assert.Equal("\"Quoted string \\\"\\\"\" <sip:jdrosen@example.com>;newparam=newvalue;secondparam;q=0.33", message.Contacts[0].ToString());
    }

    [Fact]
    public void Content_length_is_computed_from_the_body()
    {
        SipOutgoingMessage message = SipOutgoingMessage.CreateResponse(200)
            .Add(SipHeaderName.Via, "SIP/2.0/WS a.invalid;branch=z9hG4bKx")
            .Add(SipHeaderName.From, "<sip:a@b>;tag=1")
            .Add(SipHeaderName.To, "<sip:c@d>;tag=2")
            .Add(SipHeaderName.CallId, "id")
            .Add(SipHeaderName.CSeq, "1 INVITE");
        message.Body = Encoding.UTF8.GetBytes("v=0\r\nпривет\r\n");

        byte[] bytes = message.ToArray();
        string text = Encoding.UTF8.GetString(bytes);

        Assert.StartsWith("SIP/2.0 200 OK\r\nVia: SIP/2.0/WS a.invalid;branch=z9hG4bKx\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Length: 19\r\n\r\nv=0", text, StringComparison.Ordinal);
        Assert.Equal(19, SipMessage.Parse(bytes).Body.Length);
        Assert.Throws<ArgumentException>(() => message.Add("l", "5"));
        Assert.Throws<ArgumentException>(() => message.Add("X-Evil", "a\r\nInjected: yes"));
    }

    [Fact]
    public void Writes_into_a_pooled_buffer_writer()
    {
        SipOutgoingMessage message = SipOutgoingMessage.CreateRequest("OPTIONS", "sip:dk.example")
            .Add(SipHeaderName.Via, "SIP/2.0/WS a.invalid;branch=z9hG4bKx")
            .Add(SipHeaderName.From, "<sip:a@b>;tag=1").Add(SipHeaderName.To, "<sip:c@d>")
            .Add(SipHeaderName.CallId, "id").Add(SipHeaderName.CSeq, "7 OPTIONS");
        message.Body = new byte[5000];
        using var writer = new SipPooledBufferWriter(16);
        message.WriteTo(writer);

        SipMessage parsed = SipMessage.Parse(writer.WrittenMemory.ToArray());
        Assert.Equal(5000, parsed.Body.Length);
        Assert.Equal(7u, parsed.CSeq.Number);
        Assert.Equal(writer.WrittenCount, message.ToArray().Length);
    }

    [Fact]
    public void Register_follows_rfc7118_and_rfc5626()
    {
        var identity = new SipWebSocketIdentity(Instance, "r4nd0m.invalid");
        var factory = new SipRequestFactory(identity, "DkCloud.Sdk.WebRtc");
        SipOutgoingMessage register = factory.CreateRegister(
            SipUri.Parse("sip:dk.example.com"), SipUri.Parse("sip:1001@dk.example.com"), "fromtag1", "callid1", 3, 600);

        SipMessage parsed = SipMessage.Parse(register.ToArray());
        Assert.Equal(SipMethod.Register, parsed.Method);
        Assert.Equal("sip:dk.example.com", parsed.RequestUriText);
        SipVia via = Assert.Single(parsed.Vias);
        Assert.Equal(("WS", "r4nd0m.invalid"), (via.Transport, via.Host));
        Assert.True(via.HasRfc3261Branch);
        Assert.Equal(70, parsed.MaxForwards);
        Assert.Equal("fromtag1", parsed.From.Tag);
        Assert.Null(parsed.To.Tag);
        Assert.Equal(parsed.From.UriText, parsed.To.UriText);
        Assert.Equal(3u, parsed.CSeq.Number);
        Assert.Equal(SipMethod.Register, parsed.CSeq.Method);
        Assert.Equal(600, parsed.Expires);
        SipContact contact = Assert.Single(parsed.Contacts);
        Assert.Equal("sip:1001@r4nd0m.invalid;transport=ws;ob", contact.Address!.UriText);
        Assert.Equal("<urn:uuid:0b7a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d>", contact.Instance);
        Assert.Equal(1, contact.RegId);
        Assert.Contains("outbound", parsed.Supported);
        Assert.Equal("DkCloud.Sdk.WebRtc", parsed.GetHeaderValue(SipHeaderName.UserAgent));
    }

    [Fact]
    public void Random_identity_uses_an_invalid_host_and_fresh_branches()
    {
        var identity = new SipWebSocketIdentity(Instance, secure: true);
        Assert.EndsWith(".invalid", identity.Host, StringComparison.Ordinal);
        SipVia a = identity.CreateVia();
        SipVia b = identity.CreateVia();
        Assert.Equal("WSS", a.Transport);
        Assert.True(a.HasRfc3261Branch);
        Assert.NotEqual(a.Branch, b.Branch);
        Assert.Equal("ws", identity.CreateContact("1001").Address!.Uri!.Transport);
        Assert.False(identity.CreateContact("1001", outbound: false).Address!.Uri!.HasParameter("ob"));
    }

    [Fact]
    public void Invite_cancel_and_ack_share_the_transaction()
    {
        var factory = new SipRequestFactory(new SipWebSocketIdentity(Instance, "h.invalid"));
        var context = new SipRequestContext(
            SipUri.Parse("sip:18234554910@dk.example.com"),
            new SipNameAddress(SipUri.Parse("sip:1001@dk.example.com"), "Agent 1001").WithParameter("tag", "ft"),
            new SipNameAddress(SipUri.Parse("sip:18234554910@dk.example.com")),
            "call-1", 20);
        context.Routes.Add("<sip:edge.dk.example.com;transport=ws;lr>");
        SipOutgoingMessage invite = factory.CreateInvite(context, "1001", "v=0\r\n");
        SipMessage parsedInvite = SipMessage.Parse(invite.ToArray());
        Assert.Equal("application/sdp", parsedInvite.ContentType);
        Assert.Equal(5, parsedInvite.Body.Length);
        Assert.Equal("Agent 1001", parsedInvite.From.DisplayName);
        Assert.Equal("sip:edge.dk.example.com;transport=ws;lr", Assert.Single(parsedInvite.Routes).UriText);

        SipMessage cancel = SipMessage.Parse(SipRequestFactory.CreateCancel(invite).ToArray());
        Assert.Equal(SipMethod.Cancel, cancel.Method);
        Assert.Equal(parsedInvite.RequestUriText, cancel.RequestUriText);
        Assert.Equal(parsedInvite.Vias[0].Branch, cancel.Vias[0].Branch);
        Assert.Equal((20u, SipMethod.Cancel), (cancel.CSeq.Number, cancel.CSeq.Method));
        Assert.Single(cancel.Routes);

        SipMessage busy = SipMessage.Parse(SipResponseFactory.Create(parsedInvite, 486, toTag: "tt").ToArray());
        SipMessage ack = SipMessage.Parse(SipRequestFactory.CreateAckForFailure(invite, busy).ToArray());
        Assert.Equal(SipMethod.Ack, ack.Method);
        Assert.Equal("tt", ack.To.Tag);
        Assert.Equal(parsedInvite.Vias[0].Branch, ack.Vias[0].Branch);
        Assert.Equal((20u, SipMethod.Ack), (ack.CSeq.Number, ack.CSeq.Method));
    }

    [Theory]
    [InlineData("BYE")]
    [InlineData("INFO")]
    [InlineData("UPDATE")]
    [InlineData("OPTIONS")]
    [InlineData("ACK")]
    public void In_dialog_requests_carry_dialog_identifiers(string methodName)
    {
        SipMethod method = SipMethods.Lookup(methodName);
        var factory = new SipRequestFactory(new SipWebSocketIdentity(Instance, "h.invalid"));
        var context = new SipRequestContext(
            SipUri.Parse("sip:remote@10.0.0.1:5060;transport=ws"),
            new SipNameAddress(SipUri.Parse("sip:1001@dk")).WithParameter("tag", "local"),
            new SipNameAddress(SipUri.Parse("sip:2000@dk")).WithParameter("tag", "remote"),
            "dialog-call", 42);
        SipMessage parsed = SipMessage.Parse(factory.Create(method, context, "1001").ToArray());

        Assert.Equal(method, parsed.Method);
        Assert.Equal(("local", "remote"), (parsed.From.Tag, parsed.To.Tag));
        Assert.Equal("dialog-call", parsed.CallId);
        Assert.Equal((42u, method), (parsed.CSeq.Number, parsed.CSeq.Method));
        Assert.Equal(method == SipMethod.Update, parsed.Contains(SipHeaderName.Contact));
    }

    [Fact]
    public void Response_copies_vias_from_to_callid_cseq_and_adds_a_to_tag()
    {
        SipMessage request = SipMessage.Parse(TestVectors.Rfc4475("wsinv.dat"));
        SipMessage ok = SipMessage.Parse(SipResponseFactory.Create(request, 180, toTag: "ignored").ToArray());
        Assert.Equal(180, ok.StatusCode);
        Assert.Equal("Ringing", ok.ReasonPhrase);
        Assert.Equal(request.Vias.Select(v => v.ToString()), ok.Vias.Select(v => v.ToString()));
        Assert.Equal("1918181833n", ok.To.Tag); // already tagged: kept
        Assert.Equal(request.CallId, ok.CallId);
        Assert.Equal((9u, "INVITE"), (ok.CSeq.Number, ok.CSeq.MethodName));

        SipMessage options = SipMessage.Parse(TestVectors.Rfc4475("lwsdisp.dat"));
        Assert.Equal("abc", SipMessage.Parse(SipResponseFactory.Create(options, 200, toTag: "abc").ToArray()).To.Tag);
        Assert.Null(SipMessage.Parse(SipResponseFactory.Create(options, 100).ToArray()).To.Tag);

        SipMessage inv2543 = SipMessage.Parse(TestVectors.Rfc4475("inv2543.dat"));
        Assert.Single(SipMessage.Parse(SipResponseFactory.Create(inv2543, 200, toTag: "x").ToArray()).RecordRoutes);
        Assert.Empty(SipMessage.Parse(SipResponseFactory.Create(inv2543, 486, toTag: "x").ToArray()).RecordRoutes);
    }
}
