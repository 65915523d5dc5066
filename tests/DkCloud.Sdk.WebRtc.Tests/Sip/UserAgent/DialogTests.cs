using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.Dialogs;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip.UserAgent;

public class DialogTests
{
    private static SipMessage Parse(SipOutgoingMessage message) => SipMessage.Parse(message.ToArray());

    private static SipMessage Response(string recordRoute1, string recordRoute2)
        => Parse(SipOutgoingMessage.CreateResponse(200)
            .Add("Via", "SIP/2.0/WS a.invalid;branch=z9hG4bK1")
            .Add("Record-Route", recordRoute1)
            .Add("Record-Route", recordRoute2)
            .Add("From", "<sip:1001@dk>;tag=L")
            .Add("To", "<sip:9000@dk>;tag=R")
            .Add("Call-ID", "c1")
            .Add("CSeq", "4 INVITE")
            .Add("Contact", "<sip:9000@10.0.0.9:5070>"));

    [Fact]
    public void Uac_dialog_reverses_the_record_route_and_counts_cseq_from_the_invite()
    {
        SipDialog dialog = SipDialog.CreateAsUac(Response("<sip:p2;lr>", "<sip:p1;lr>"), 4);
        Assert.True(dialog.IsUac);
        Assert.Equal(new[] { "<sip:p1;lr>", "<sip:p2;lr>" }, dialog.RouteSet);
        Assert.Equal("L", dialog.LocalTag);
        Assert.Equal("R", dialog.RemoteTag);
        SipRequestContext bye = dialog.CreateRequestContext();
        Assert.Equal(5u, bye.CSeq);
        Assert.Equal("sip:9000@10.0.0.9:5070", bye.RequestUri.ToString());
        Assert.Equal(new[] { "<sip:p1;lr>", "<sip:p2;lr>" }, bye.Routes);
        Assert.Equal(4u, dialog.CreateAckContext(4).CSeq);
        Assert.Equal(6u, dialog.CreateRequestContext().CSeq);
    }

    [Fact]
    public void Strict_first_route_becomes_the_request_uri_and_the_target_goes_last()
    {
        SipDialog dialog = SipDialog.CreateAsUac(Response("<sip:p2;lr>", "<sip:p1>"), 1);
        SipRequestContext context = dialog.CreateRequestContext();
        Assert.Equal("sip:p1", context.RequestUri.ToString());
        Assert.Equal(new[] { "<sip:p2;lr>", "<sip:9000@10.0.0.9:5070>" }, context.Routes);
    }

    [Fact]
    public void Uas_dialog_keeps_the_record_route_order_and_checks_remote_cseq()
    {
        SipMessage invite = Parse(FarEnd.Invite("sip:1001@x.invalid;transport=ws"));
        SipDialog dialog = SipDialog.CreateAsUas(invite, "mine");
        Assert.False(dialog.IsUac);
        Assert.Equal(new[] { "<sip:127.0.0.1:5066;transport=ws;r2=on;lr=on>", "<sip:127.0.0.1;r2=on;lr=on>" }, dialog.RouteSet);
        Assert.Equal(10u, dialog.RemoteCSeq);
        Assert.Equal("ft1", dialog.RemoteTag);
        SipMessage bye = Parse(FarEnd.InDialog("BYE", "mine", 11, "z9hG4bKb"));
        Assert.True(dialog.MatchesRequest(bye));
        Assert.True(dialog.AcceptRemoteCSeq(bye));
        Assert.False(dialog.AcceptRemoteCSeq(bye));
        Assert.True(dialog.AcceptRemoteCSeq(Parse(FarEnd.InDialog("ACK", "mine", 10, "z9hG4bKa"))));
        Assert.False(dialog.MatchesRequest(Parse(FarEnd.InDialog("BYE", "other", 12, "z9hG4bKc"))));
        Assert.Equal(1u, dialog.CreateRequestContext().CSeq);
    }

    [Fact]
    public void Target_refresh_takes_the_new_contact()
    {
        SipMessage invite = Parse(FarEnd.Invite("sip:1001@x.invalid;transport=ws"));
        SipDialog dialog = SipDialog.CreateAsUas(invite, "mine");
        SipOutgoingMessage reinvite = FarEnd.InDialog("INVITE", "mine", 11, "z9hG4bKr");
        reinvite.Remove(SipHeaderName.Contact).Add("Contact", "<sip:9000@10.1.1.1:5080>");
        dialog.RefreshRemoteTarget(Parse(reinvite));
        Assert.Equal("sip:9000@10.1.1.1:5080", dialog.RemoteTarget);
    }

    [Fact]
    public void A_dialog_forming_response_without_contact_is_a_protocol_error()
    {
        SipMessage response = Parse(SipOutgoingMessage.CreateResponse(200)
            .Add("Via", "SIP/2.0/WS a.invalid;branch=z9hG4bK1")
            .Add("From", "<sip:1001@dk>;tag=L").Add("To", "<sip:9000@dk>;tag=R")
            .Add("Call-ID", "c1").Add("CSeq", "1 INVITE"));
        SipException error = Assert.Throws<SipException>(() => SipDialog.CreateAsUac(response, 1));
        Assert.Equal(SipErrorCode.ProtocolError, error.Code);
    }
}
