using System;
using System.Text;
using DkCloud.Sdk.WebRtc.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

public class SipParserFramingTests
{
    private static readonly byte[] Invite = TestVectors.Read("webrtc-invite.sip");

    public static TheoryData<int> Prefixes()
    {
        var data = new TheoryData<int>();
        for (int length = 0; length < Invite.Length; length++)
        {
            data.Add(length);
        }

        return data;
    }

    [Fact]
    public void Benchmark_invite_parses()
    {
        SipMessage message = SipMessage.Parse(Invite);
        Assert.Equal(SipMethod.Invite, message.Method);
        Assert.Equal(308, message.Body.Length);
        Assert.Equal(819, message.Data.Length);
        Assert.Equal(new[] { "INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "INFO", "REFER", "NOTIFY" }, message.Allow);
        Assert.Equal(new[] { "replaces", "timer" }, message.Supported);
        Assert.Equal("9fxced76sl", message.From.Tag);
        Assert.Equal("Alice", message.From.DisplayName);
        Assert.Null(message.To.Tag);
        Assert.Equal("udp", message.Contacts[0].Address!.Uri!.Transport);
        Assert.Equal(5060, message.Vias[0].Port);
        Assert.Equal(12, message.HeaderCount);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void Every_prefix_is_rejected_as_incomplete(int length)
    {
        var exception = Assert.Throws<SipParseException>(() => SipMessage.Parse(Invite.AsMemory(0, length)));

        int bodyStart = Invite.Length - 308;
        SipRejectReason expected = length >= bodyStart
            ? SipRejectReason.IncompleteBody
            : length < "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n".Length ? SipRejectReason.IncompleteStartLine : SipRejectReason.IncompleteHeaders;
        Assert.Equal(expected, exception.Reason);
    }

    [Fact]
    public void Bare_lf_line_endings_are_accepted()
    {
        string text = Encoding.ASCII.GetString(Invite).Replace("\r\n", "\n", StringComparison.Ordinal);
        text = text.Replace("Content-Length: 308", "Content-Length: 292", StringComparison.Ordinal);
        SipMessage message = SipMessage.Parse(Encoding.ASCII.GetBytes(text));
        Assert.Equal("3848276298220188511@atlanta.example.com", message.CallId);
        Assert.Equal(292, message.Body.Length);
    }

    [Fact]
    public void Leading_crlf_before_start_line_is_ignored()
    {
        byte[] data = [.. "\r\n\r\n"u8.ToArray(), .. Invite];
        Assert.Equal(SipMethod.Invite, SipMessage.Parse(data).Method);
    }

    [Fact]
    public void Missing_content_length_takes_the_rest_of_the_message()
    {
        string text = Encoding.ASCII.GetString(Invite).Replace("Content-Length: 308\r\n", string.Empty, StringComparison.Ordinal);
        Assert.Equal(308, SipMessage.Parse(Encoding.ASCII.GetBytes(text)).Body.Length);
    }

    [Fact]
    public void Message_over_size_limit_is_rejected()
    {
        var limits = new SipParserLimits { MaxMessageSize = 818 };
        Assert.Equal(SipRejectReason.MessageTooLarge, Assert.Throws<SipParseException>(() => SipMessage.Parse(Invite, limits)).Reason);
        Assert.Equal(513, Assert.Throws<SipParseException>(() => SipMessage.Parse(Invite, limits)).SuggestedStatusCode);
    }

    [Fact]
    public void Too_many_headers_are_rejected()
    {
        Assert.Equal(SipRejectReason.TooManyHeaders,
            Assert.Throws<SipParseException>(() => SipMessage.Parse(Invite, new SipParserLimits { MaxHeaderCount = 11 })).Reason);
        Assert.NotNull(SipMessage.Parse(Invite, new SipParserLimits { MaxHeaderCount = 12 }));
    }

    [Fact]
    public void Long_header_and_start_line_are_rejected()
    {
        Assert.Equal(SipRejectReason.HeaderTooLong,
            Assert.Throws<SipParseException>(() => SipMessage.Parse(Invite, new SipParserLimits { MaxHeaderLength = 60 })).Reason);
        Assert.Equal(SipRejectReason.StartLineTooLong,
            Assert.Throws<SipParseException>(() => SipMessage.Parse(Invite, new SipParserLimits { MaxStartLineLength = 20 })).Reason);
    }

    [Theory]
    [InlineData("INVITE sip:bob@b SIP/2.0\r\nVia SIP/2.0/WS x;branch=z9hG4bK1\r\n\r\n", SipRejectReason.InvalidHeaderLine)]
    [InlineData("INVITE sip:bob@b SIP/2.0\r\n continued: x\r\n\r\n", SipRejectReason.InvalidHeaderLine)]
    [InlineData("INVITE sip:bob@b SIP/2.0\r\nBad Name: x\r\n\r\n", SipRejectReason.InvalidHeaderName)]
    [InlineData("INV(TE sip:bob@b SIP/2.0\r\n\r\n", SipRejectReason.InvalidMethod)]
    [InlineData("INVITE sip:bob@b HTTP/1.1\r\n\r\n", SipRejectReason.InvalidRequestLine)]
    [InlineData("SIP/2.0 99 Too Small\r\n\r\n", SipRejectReason.InvalidStatusCode)]
    [InlineData("SIP/2.0 700 Too Big\r\n\r\n", SipRejectReason.InvalidStatusCode)]
    [InlineData("SIP/3.0 200 OK\r\n\r\n", SipRejectReason.UnsupportedVersion)]
    [InlineData("SIP/2.0 200 OK\r\nContent-Length: 1x\r\n\r\n", SipRejectReason.InvalidContentLength)]
    [InlineData("SIP/2.0 200 OK\r\nMax-Forwards: 256\r\n\r\n", SipRejectReason.InvalidMaxForwards)]
    [InlineData("SIP/2.0 200 OK\r\nExpires: 4294967296\r\n\r\n", SipRejectReason.InvalidExpires)]
    [InlineData("SIP/2.0 200 OK\r\nCall-ID: a@b@c\r\n\r\n", SipRejectReason.InvalidCallId)]
    [InlineData("SIP/2.0 200 OK\r\nc: application\r\n\r\n", SipRejectReason.InvalidContentType)]
    [InlineData("SIP/2.0 200 OK\r\nRoute: sip:proxy\r\n\r\n", SipRejectReason.InvalidNameAddress)]
    [InlineData("SIP/2.0 200 OK\r\nVia: SIP/2.0/WS host:70000\r\n\r\n", SipRejectReason.InvalidVia)]
    [InlineData("SIP/2.0 200 OK\r\nf: <sip:a@b>;tag=\r\n\r\n", SipRejectReason.InvalidParameter)]
    [InlineData("SIP/2.0 200 OK\r\nContact: <sip:a@b>,\r\n\r\n", SipRejectReason.InvalidNameAddress)]
    public void Malformed_lines_are_rejected(string text, SipRejectReason reason)
    {
        Assert.Equal(reason, Assert.Throws<SipParseException>(() => SipMessage.Parse(Encoding.UTF8.GetBytes(text))).Reason);
    }
}
