using System.Text;
using DkCloud.Sdk.WebRtc.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

public class SipHeaderNamesTests
{
    [Theory]
    [InlineData("i", "Call-ID")]
    [InlineData("m", "Contact")]
    [InlineData("e", "Content-Encoding")]
    [InlineData("l", "Content-Length")]
    [InlineData("c", "Content-Type")]
    [InlineData("f", "From")]
    [InlineData("s", "Subject")]
    [InlineData("k", "Supported")]
    [InlineData("t", "To")]
    [InlineData("v", "Via")]
    [InlineData("o", "Event")]
    [InlineData("u", "Allow-Events")]
    [InlineData("r", "Refer-To")]
    [InlineData("b", "Referred-By")]
    [InlineData("x", "Session-Expires")]
    [InlineData("y", "Identity")]
    [InlineData("a", "Accept-Contact")]
    [InlineData("j", "Reject-Contact")]
    [InlineData("d", "Request-Disposition")]
    [InlineData("n", "Identity-Info")]
    public void Compact_forms_map_to_the_long_name(string compact, string name)
    {
        SipHeaderName known = SipHeaderNames.Lookup(Encoding.ASCII.GetBytes(compact));
        Assert.NotEqual(SipHeaderName.Unknown, known);
        Assert.Equal(name, SipHeaderNames.ToName(known));
        Assert.Equal(known, SipHeaderNames.Lookup(Encoding.ASCII.GetBytes(compact.ToUpperInvariant())));
        Assert.Equal(known, SipHeaderNames.Lookup(Encoding.ASCII.GetBytes(name.ToLowerInvariant())));
        Assert.Equal(known, SipHeaderNames.Lookup(Encoding.ASCII.GetBytes(name.ToUpperInvariant())));
    }

    [Theory]
    [InlineData("g")]
    [InlineData("X-Dk-Trace")]
    [InlineData("Vía")]
    [InlineData("Call-IDs")]
    [InlineData("Call_ID")]
    public void Other_names_are_unknown(string name)
        => Assert.Equal(SipHeaderName.Unknown, SipHeaderNames.Lookup(Encoding.UTF8.GetBytes(name)));

    [Theory]
    [InlineData("INVITE", "Invite")]
    [InlineData("PRACK", "Prack")]
    [InlineData("invite", "Unknown")]
    [InlineData("NEWMETHOD", "Unknown")]
    public void Methods_are_case_sensitive(string token, string expected)
        => Assert.Equal(expected, SipMethods.Lookup(Encoding.ASCII.GetBytes(token)).ToString());
}
