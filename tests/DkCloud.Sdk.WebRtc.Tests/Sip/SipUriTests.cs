using DkCloud.Sdk.WebRtc.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

public class SipUriTests
{
    [Theory]
    [InlineData("sip:1001@dk.example.com", "sip", "1001", "dk.example.com", null)]
    [InlineData("SIPS:alice@Example.COM:5061", "sips", "alice", "Example.COM", 5061)]
    [InlineData("sip:dk.example.com", "sip", null, "dk.example.com", null)]
    [InlineData("sip:bob@[2001:db8::1]:5062;transport=ws", "sip", "bob", "[2001:db8::1]", 5062)]
    [InlineData("sip:[::1]", "sip", null, "[::1]", null)]
    [InlineData("sip:alice:secret@host", "sip", "alice", "host", null)]
    [InlineData("tel:+86-10-1234-5678;phone-context=+86", "tel", "+86-10-1234-5678", "", null)]
    public void Parses_parts(string text, string scheme, string? user, string host, int? port)
    {
        SipUri uri = SipUri.Parse(text);
        Assert.Equal(scheme, uri.Scheme);
        Assert.Equal(user, uri.User);
        Assert.Equal(host, uri.Host);
        Assert.Equal(port, uri.Port);
    }

    [Fact]
    public void Parameters_and_headers()
    {
        SipUri uri = SipUri.Parse("sip:1001@h.invalid;transport=ws;ob;lr?Subject=hi&Priority=urgent");
        Assert.Equal("ws", uri.Transport);
        Assert.True(uri.HasParameter("ob"));
        Assert.True(uri.HasParameter("LR"));
        Assert.False(uri.HasParameter("maddr"));
        Assert.Equal(2, uri.Headers.Count);
        Assert.Equal(("Priority", "urgent"), (uri.Headers[1].Key, uri.Headers[1].Value));
        Assert.Equal("phone-context", Assert.Single(SipUri.Parse("tel:1234;phone-context=dk").Parameters).Name);
    }

    [Theory]
    [InlineData("sip:1001@h.invalid;transport=ws;ob;lr?Subject=hi&Priority=urgent")]
    [InlineData("sips:alice:secret@[2001:db8::1]:5061;maddr=239.255.255.1")]
    [InlineData("tel:+8613800138000;phone-context=+86")]
    [InlineData("sip:%75se%72@example.com")]
    public void Round_trips(string text) => Assert.Equal(text, SipUri.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("sip:")]
    [InlineData("sip:@host")]
    [InlineData("sip:user@")]
    [InlineData("sip:user@host:70000")]
    [InlineData("sip:user@host:port")]
    [InlineData("sip:user@[::1")]
    [InlineData("sip:user@ho st")]
    [InlineData("sip:user@host;;")]
    [InlineData("sip:user@host?novalue")]
    [InlineData("http://example.com")]
    [InlineData("tel:")]
    public void Rejects_malformed(string text)
    {
        Assert.False(SipUri.TryParse(text, out _));
        Assert.Equal(SipRejectReason.InvalidUri, Assert.Throws<SipParseException>(() => SipUri.Parse(text)).Reason);
    }
}
