using System.Linq;
using System.Text;
using DkCloud.Sdk.WebRtc.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

public class SipAccessorTests
{
    private static SipMessage Parse(string text) => SipMessage.Parse(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", System.StringComparison.Ordinal)));

    private const string Response407 = """
        SIP/2.0 407 Proxy Authentication Required
        Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKnashds7;received=203.0.113.9;rport=53021, SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bKx
        Record-Route: <sip:p1.dk.example.com;lr;transport=ws>, "Proxy, Two" <sip:p2.dk.example.com;lr>
        Record-Route: <sip:[2001:db8::2]:5060;lr>
        From: "坐席 1001" <sip:1001@dk.example.com>;tag=abc
        To: <sip:18234554910@dk.example.com>;tag=as1234
        Call-ID: 7b2c@dk
        CSeq: 2 INVITE
        Proxy-Authenticate: Digest realm="dk.example.com", nonce="5f1e", algorithm=SHA-256, qop="auth"
        Proxy-Authenticate: Digest realm="dk.example.com", nonce="5f1f", algorithm=MD5, qop="auth"
        Contact: <sip:1001@df7jal23ls0d.invalid;transport=ws;ob>;expires=600;+sip.instance="<urn:uuid:00000000-0000-0000-0000-000000000001>";reg-id=1, <sip:backup@dk.example.com>;q=0.5
        Expires: 3600
        Allow: INVITE,ACK , BYE
        Allow: UPDATE
        Content-Length: 0


        """;

    [Fact]
    public void Via_list_split_across_commas_with_received_and_rport()
    {
        var vias = Parse(Response407).Vias;
        Assert.Equal(2, vias.Count);
        Assert.Equal(("WSS", "df7jal23ls0d.invalid", "z9hG4bKnashds7"), (vias[0].Transport, vias[0].Host, vias[0].Branch));
        Assert.Equal("203.0.113.9", vias[0].Received);
        Assert.Equal(53021, vias[0].Rport);
        Assert.Equal(("[2001:db8::9]", 5070), (vias[1].Host, vias[1].Port));
    }

    [Fact]
    public void Record_route_values_split_respecting_quotes()
    {
        SipMessage message = Parse(Response407);
        var routes = message.RecordRoutes;
        Assert.Equal(3, routes.Count);
        Assert.Equal("Proxy, Two", routes[1].DisplayName);
        Assert.Equal("sip:p2.dk.example.com;lr", routes[1].UriText);
        Assert.Equal("[2001:db8::2]", routes[2].Uri!.Host);
        Assert.Equal("ws", routes[0].Uri!.Transport);
        Assert.Empty(message.Routes);
    }

    [Fact]
    public void Proxy_challenges_in_order()
    {
        var challenges = Parse(Response407).ProxyAuthenticate;
        Assert.Equal(new[] { "SHA-256", "MD5" }, challenges.Select(c => c.Algorithm));
        Assert.Equal("5f1e", challenges[0].Nonce);
        Assert.Empty(Parse(Response407).WwwAuthenticate);
    }

    [Fact]
    public void Contacts_with_outbound_parameters_and_wildcard()
    {
        SipMessage message = Parse(Response407);
        Assert.Equal(3600, message.Expires);
        Assert.Equal("坐席 1001", message.From.DisplayName);
        Assert.Equal("as1234", message.To.Tag);
        Assert.Equal(407, message.StatusCode);
        Assert.Equal("Proxy Authentication Required", message.ReasonPhrase);
        Assert.Equal(new[] { "INVITE", "ACK", "BYE", "UPDATE" }, message.Allow);

        var contacts = message.Contacts;
        SipContact first = contacts[0];
        Assert.False(first.IsWildcard);
        Assert.Equal(600, first.Expires);
        Assert.Equal("<urn:uuid:00000000-0000-0000-0000-000000000001>", first.Instance);
        Assert.Equal(1, first.RegId);
        Assert.True(first.Address!.Uri!.HasParameter("ob"));
        Assert.Equal("0.5", contacts[1].Address!.GetParameter("q"));
        Assert.Null(contacts[1].Expires);
    }

    [Fact]
    public void Wildcard_contact_removes_all_bindings()
    {
        SipMessage message = Parse("REGISTER sip:dk SIP/2.0\nVia: SIP/2.0/WS h.invalid;branch=z9hG4bK1\nFrom: <sip:1001@dk>;tag=1\n"
            + "To: <sip:1001@dk>\nCall-ID: c\nCSeq: 3 REGISTER\nContact: *\nExpires: 0\nContent-Length: 0\n\n");
        Assert.True(Assert.Single(message.Contacts).IsWildcard);
        Assert.Equal(0, message.Expires);
        Assert.Equal(SipRejectReason.InvalidNameAddress, Assert.Throws<SipParseException>(
            () => Parse("REGISTER sip:dk SIP/2.0\nContact: *, <sip:a@b>\n\n")).Reason);
    }

    [Fact]
    public void Header_lookup_by_compact_and_long_name()
    {
        SipMessage message = SipMessage.Parse(TestVectors.Rfc4475("dblreq.dat"));
        Assert.Equal(message.CallId, message.GetHeaderValue("i"));
        Assert.Equal(message.CallId, message.GetHeaderValue("CALL-ID"));
        Assert.Null(message.GetHeaderValue("X-Missing"));
        Assert.Equal("I", message.GetHeaderName(3));
    }
}
