using System.Text;
using DkCloud.Sdk.WebRtc.Sip;

namespace DkCloud.Sdk.WebRtc.Tests.Sip.UserAgent;

/// <summary>Builds what Kamailio and baresip send, as the interop rig showed it.</summary>
internal static class FarEnd
{
    public const string Offer =
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=audio 30032 UDP/TLS/RTP/SAVPF 0 8 101\r\na=mid:1\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\na=rtcp:30032\r\na=rtcp-mux\r\na=setup:actpass\r\n" +
        "a=fingerprint:sha-256 84:94:7E:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:1C:D3:00\r\n" +
        "a=ice-ufrag:O4B1FM5J\r\na=ice-pwd:oGmu7vqrxdN9OqmBj7bZuZp1m6\r\n" +
        "a=candidate:LwXYNCWRseQl9lWY 1 UDP 2130706431 127.0.0.1 30032 typ host\r\n";

    public const string Answer =
        "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=audio 40000 UDP/TLS/RTP/SAVPF 0 101\r\na=mid:0\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\na=rtcp-mux\r\na=setup:active\r\n";

    public static SipOutgoingMessage Invite(string requestUri, string callId = "call-1", uint cseq = 10, string branch = "z9hG4bKkam1", string? toTag = null, string? body = Offer)
    {
        SipOutgoingMessage invite = SipOutgoingMessage.CreateRequest("INVITE", requestUri)
            .Add("Via", "SIP/2.0/WS  127.0.0.1:5066;branch=" + branch)
            .Add("Via", "SIP/2.0/UDP 127.0.0.1:5070;rport=5070;branch=z9hG4bKbs" + branch)
            .Add("Record-Route", "<sip:127.0.0.1:5066;transport=ws;r2=on;lr=on>")
            .Add("Record-Route", "<sip:127.0.0.1;r2=on;lr=on>")
            .Add("Max-Forwards", "69")
            .Add("From", "\"Far End\" <sip:9000@dkcloud.test>;tag=ft1")
            .Add("To", "<sip:1001@dkcloud.test>" + (toTag is null ? string.Empty : ";tag=" + toTag))
            .Add("Call-ID", callId)
            .Add("CSeq", cseq + " INVITE")
            .Add("Contact", "<sip:9000@127.0.0.1:5070;transport=udp>");
        if (body is not null)
        {
            invite.Add("Content-Type", "application/sdp");
            invite.Body = Encoding.UTF8.GetBytes(body);
        }

        return invite;
    }

    /// <summary>An in-dialog request from the far end towards us (after our 2xx with <paramref name="ourTag"/>).</summary>
    public static SipOutgoingMessage InDialog(string method, string ourTag, uint cseq, string branch, string callId = "call-1", string? contentType = null, string? body = null)
    {
        SipOutgoingMessage request = SipOutgoingMessage.CreateRequest(method, "sip:1001@x.invalid;transport=ws")
            .Add("Via", "SIP/2.0/WS 127.0.0.1:5066;branch=" + branch)
            .Add("Max-Forwards", "69")
            .Add("From", "\"Far End\" <sip:9000@dkcloud.test>;tag=ft1")
            .Add("To", "<sip:1001@dkcloud.test>;tag=" + ourTag)
            .Add("Call-ID", callId)
            .Add("CSeq", cseq + " " + method);
        if (method is "INVITE" or "UPDATE")
        {
            request.Add("Contact", "<sip:9000@127.0.0.1:5070;transport=udp>");
        }

        if (contentType is not null)
        {
            request.Add("Content-Type", contentType);
            request.Body = Encoding.UTF8.GetBytes(body ?? string.Empty);
        }

        return request;
    }

    /// <summary>A response to a request we sent.</summary>
    public static SipOutgoingMessage Respond(SipMessage request, int status, string toTag = "srv")
        => SipResponseFactory.Create(request, status, toTag: toTag);
}
