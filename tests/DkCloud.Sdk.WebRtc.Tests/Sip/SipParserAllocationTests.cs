using System;
using System.Text;
using DkCloud.Sdk.WebRtc.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

public class SipParserAllocationTests
{
    private struct CountingHandler : ISipMessageHandler
    {
        public int Headers;
        public int KnownHeaders;
        public SipMethod Method;
        public SipSegment Body;

        public void OnRequestLine(SipMethod method, SipSegment methodToken, SipSegment requestUri) => Method = method;

        public void OnStatusLine(int statusCode, SipSegment reasonPhrase)
        {
        }

        public void OnHeader(SipHeaderName name, SipSegment nameToken, SipSegment value, ReadOnlySpan<byte> message)
        {
            Headers++;
            KnownHeaders += name == SipHeaderName.Unknown ? 0 : 1;
        }

        public void OnHeadersComplete(SipSegment body) => Body = body;
    }

    [Fact]
    public void Framing_a_message_with_a_struct_handler_allocates_nothing()
    {
        byte[] invite = TestVectors.Read("webrtc-invite.sip");
        var warmUp = default(CountingHandler);
        SipParser.Parse(invite, ref warmUp, SipParserLimits.Default);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var handler = default(CountingHandler);
        int length = SipParser.Parse(invite, ref handler, SipParserLimits.Default);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(invite.Length, length);
        Assert.Equal(12, handler.Headers);
        Assert.Equal(12, handler.KnownHeaders);
        Assert.Equal(SipMethod.Invite, handler.Method);
        Assert.Equal(308, handler.Body.Length);
    }

    [Fact]
    public void Parsing_makes_no_string_per_header()
    {
        byte[] invite = TestVectors.Read("webrtc-invite.sip");
        SipMessage.Parse(invite);
        long before = GC.GetAllocatedBytesForCurrentThread();
        SipMessage message = SipMessage.Parse(invite);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Collector, header list and table, message object: well under the cost of one string per header value.
        Assert.True(allocated < 2048, $"allocated {allocated} bytes");
        Assert.Equal(12, message.HeaderCount);
    }

    [Fact]
    public void Trailing_bytes_past_content_length_are_not_part_of_the_message()
    {
        byte[] invite = TestVectors.Read("webrtc-invite.sip");
        byte[] padded = [.. invite, .. Encoding.ASCII.GetBytes("junk after the body")];
        SipMessage message = SipMessage.Parse(padded);
        Assert.Equal(invite.Length, message.Data.Length);
        Assert.Equal(308, message.Body.Length);
    }

    [Theory]
    [InlineData("SIP/2.0 200 OK\r\nX: a\rb\r\n\r\n")]
    [InlineData("SIP/2.0 200 OK\r\nX: a\r\r\n\r\n")]
    public void Bare_cr_in_a_header_is_rejected(string text)
        => Assert.Equal(SipRejectReason.InvalidHeaderLine, Assert.Throws<SipParseException>(() => SipMessage.Parse(Encoding.ASCII.GetBytes(text))).Reason);
}
