using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip.UserAgent;

public class IncomingCallTests
{
    private static bool Is200ToInvite(SipMessage m) => !m.IsRequest && m.StatusCode == 200 && m.CSeq.Method == SipMethod.Invite;

    [Fact]
    public async Task Invite_gets_100_and_180_and_raises_incoming_call_with_the_offer()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        SipCall call = await f.ReceiveCallAsync(FarEnd.Invite("sip:1001@x.invalid;transport=ws"));
        SipMessage trying = await f.Transport.NextResponseAsync(100);
        Assert.Null(trying.To.Tag);
        SipMessage ringing = await f.Transport.NextResponseAsync(180);
        Assert.NotNull(ringing.To.Tag);
        Assert.Equal(2, ringing.Vias.Count);
        Assert.Equal(2, ringing.RecordRoutes.Count);
        Assert.Single(ringing.Contacts);
        Assert.Equal(SipCallDirection.Incoming, call.Direction);
        Assert.Equal(SipCallState.Ringing, call.State);
        Assert.Equal("9000", call.RemoteUri.User);
        Assert.Equal("Far End", call.RemoteDisplayName);
        SdpSessionDescription offer = SdpSessionDescription.Parse(call.RemoteSdp!);
        Assert.Single(offer.Media[0].Candidates);
        Assert.NotNull(offer.GetFingerprint(offer.Media[0]));
    }

    [Fact]
    public async Task Answer_retransmits_200_until_the_ack_arrives()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        SipCall call = await f.ReceiveCallAsync(FarEnd.Invite("sip:1001@x.invalid;transport=ws"));
        await call.AnswerAsync(FarEnd.Answer);
        SipMessage ok = await f.Transport.NextAsync(Is200ToInvite);
        Assert.Equal("application/sdp", ok.ContentType);
        Assert.Equal(FarEnd.Answer, System.Text.Encoding.UTF8.GetString(ok.Body.ToArray()));
        Assert.Single(ok.Contacts);
        Assert.Equal(SipCallState.Answering, call.State);

        // T1 doubling: resent at 0.5, 1.5, 3.5 s.
        f.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(1, f.Transport.Count(Is200ToInvite));
        f.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, f.Transport.Count(Is200ToInvite));
        f.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, f.Transport.Count(Is200ToInvite));
        f.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(4, f.Transport.Count(Is200ToInvite));

        f.Transport.Deliver(FarEnd.InDialog("ACK", ok.To.Tag!, 10, "z9hG4bKack1"));
        await call.WhenEstablished.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipCallState.Established, call.State);
        f.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(4, f.Transport.Count(Is200ToInvite));
        Assert.Equal(0, f.Transport.Count(m => m.IsRequest && m.Method == SipMethod.Bye));
    }

    [Fact]
    public async Task Missing_ack_ends_the_call_with_bye_after_64_t1()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        SipCall call = await f.ReceiveCallAsync(FarEnd.Invite("sip:1001@x.invalid;transport=ws"));
        await call.AnswerAsync(FarEnd.Answer);
        f.Advance(TimeSpan.FromMilliseconds(31_999));
        Assert.Equal(0, f.Transport.Count(m => m.IsRequest && m.Method == SipMethod.Bye));
        f.Advance(TimeSpan.FromMilliseconds(1));
        SipMessage bye = await f.Transport.NextRequestAsync(SipMethod.Bye);
        Assert.Equal("call-1", bye.CallId);
        Assert.Equal("ft1", bye.To.Tag);
        Assert.Equal(2, bye.Routes.Count);
        Assert.Equal("sip:9000@127.0.0.1:5070;transport=udp", bye.RequestUriText);
        SipCallEndedEventArgs ended = await call.WhenEnded.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipCallEndReason.NoAck, ended.Reason);
        SipException error = await Assert.ThrowsAsync<SipException>(() => call.WhenEstablished);
        Assert.Equal(SipErrorCode.Timeout, error.Code);
    }

    [Fact]
    public async Task Cancel_gets_200_and_the_invite_gets_487()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        SipCall call = await f.ReceiveCallAsync(FarEnd.Invite("sip:1001@x.invalid;transport=ws"));
        SipOutgoingMessage cancel = SipOutgoingMessage.CreateRequest("CANCEL", "sip:1001@x.invalid;transport=ws")
            .Add("Via", "SIP/2.0/WS  127.0.0.1:5066;branch=z9hG4bKkam1")
            .Add("Max-Forwards", "69")
            .Add("From", "\"Far End\" <sip:9000@dkcloud.test>;tag=ft1")
            .Add("To", "<sip:1001@dkcloud.test>")
            .Add("Call-ID", "call-1")
            .Add("CSeq", "10 CANCEL");
        f.Transport.Deliver(cancel);
        SipMessage cancelOk = await f.Transport.NextAsync(m => !m.IsRequest && m.CSeq.Method == SipMethod.Cancel);
        Assert.Equal(200, cancelOk.StatusCode);
        SipMessage terminated = await f.Transport.NextResponseAsync(487);
        Assert.Equal(SipMethod.Invite, terminated.CSeq.Method);
        SipCallEndedEventArgs ended = await call.WhenEnded.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipCallEndReason.RemoteCanceled, ended.Reason);
        Assert.Empty(f.Agent.Calls);
        await Assert.ThrowsAsync<SipException>(() => call.AnswerAsync(FarEnd.Answer));
    }

    [Fact]
    public async Task Cancel_for_an_unknown_transaction_gets_481()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        f.Transport.Deliver(SipOutgoingMessage.CreateRequest("CANCEL", "sip:1001@x.invalid")
            .Add("Via", "SIP/2.0/WS 127.0.0.1:5066;branch=z9hG4bKnone")
            .Add("From", "<sip:9000@dkcloud.test>;tag=a").Add("To", "<sip:1001@dkcloud.test>")
            .Add("Call-ID", "nope").Add("CSeq", "1 CANCEL"));
        Assert.Equal(SipMethod.Cancel, (await f.Transport.NextResponseAsync(481)).CSeq.Method);
    }

    [Fact]
    public async Task Reject_sends_the_status_and_ends_the_call()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        SipCall call = await f.ReceiveCallAsync(FarEnd.Invite("sip:1001@x.invalid;transport=ws"));
        await call.RejectAsync(603);
        SipMessage decline = await f.Transport.NextResponseAsync(603);
        Assert.Equal("Decline", decline.ReasonPhrase);
        SipCallEndedEventArgs ended = await call.WhenEnded.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipCallEndReason.Rejected, ended.Reason);
        Assert.Equal(603, ended.StatusCode);
    }

    [Fact]
    public async Task Far_end_bye_gets_200_and_ends_the_call()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        (SipCall call, string tag) = await f.EstablishIncomingAsync();
        f.Transport.Deliver(FarEnd.InDialog("BYE", tag, 11, "z9hG4bKbye1"));
        SipMessage ok = await f.Transport.NextAsync(m => !m.IsRequest && m.CSeq.Method == SipMethod.Bye);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(SipCallEndReason.RemoteHangup, (await call.WhenEnded.WaitAsync(TimeSpan.FromSeconds(10))).Reason);
        f.Transport.Deliver(FarEnd.InDialog("BYE", tag, 12, "z9hG4bKbye2"));
        Assert.Equal(SipMethod.Bye, (await f.Transport.NextResponseAsync(481)).CSeq.Method);
    }

    [Fact]
    public async Task Local_hangup_sends_bye_through_the_route_set_with_the_next_cseq()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        (SipCall call, _) = await f.EstablishIncomingAsync();
        Task hangup = call.HangupAsync();
        SipMessage bye = await f.Transport.NextRequestAsync(SipMethod.Bye);
        Assert.Equal(new[] { "<sip:127.0.0.1:5066;transport=ws;r2=on;lr=on>", "<sip:127.0.0.1;r2=on;lr=on>" }, bye.GetHeaderValues(SipHeaderName.Route));
        Assert.Equal(1u, bye.CSeq.Number);
        f.Transport.Deliver(FarEnd.Respond(bye, 200, "ft1"));
        await hangup.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipCallEndReason.LocalHangup, (await call.WhenEnded).Reason);
    }

    [Fact]
    public async Task Reinvite_hold_is_answered_recvonly_by_the_answerer()
    {
        var answerer = new OfferAnswerer();
        using var f = new UserAgentFixture(register: false, answerer: answerer);
        await f.Agent.StartAsync(CancellationToken.None);
        (SipCall call, string tag) = await f.EstablishIncomingAsync();
        var changed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.RemoteSdpChanged += (_, sdp) => changed.TrySetResult(sdp);
        string hold = FarEnd.Offer.Replace("a=sendrecv", "a=sendonly", StringComparison.Ordinal);
        f.Transport.Deliver(FarEnd.InDialog("INVITE", tag, 11, "z9hG4bKre1", contentType: "application/sdp", body: hold));
        SipMessage ok = await f.Transport.NextAsync(m => !m.IsRequest && m.StatusCode == 200 && m.CSeq.Number == 11);
        SdpSessionDescription answer = SdpSessionDescription.Parse(System.Text.Encoding.UTF8.GetString(ok.Body.ToArray()));
        Assert.Equal(SdpDirection.RecvOnly, answer.GetDirection(answer.Media[0]));
        Assert.Equal(hold, await changed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(hold, call.RemoteSdp);

        // The 2xx of the re-INVITE is resent until its ACK too.
        f.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, f.Transport.Count(m => !m.IsRequest && m.StatusCode == 200 && m.CSeq.Number == 11));
        f.Transport.Deliver(FarEnd.InDialog("ACK", tag, 11, "z9hG4bKreack"));
        f.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(2, f.Transport.Count(m => !m.IsRequest && m.StatusCode == 200 && m.CSeq.Number == 11));
        Assert.Equal(SipCallState.Established, call.State);
    }

    [Fact]
    public async Task Update_is_answered_and_an_out_of_order_cseq_gets_500()
    {
        var answerer = new OfferAnswerer();
        using var f = new UserAgentFixture(register: false, answerer: answerer);
        await f.Agent.StartAsync(CancellationToken.None);
        (_, string tag) = await f.EstablishIncomingAsync();
        f.Transport.Deliver(FarEnd.InDialog("UPDATE", tag, 12, "z9hG4bKup1", contentType: "application/sdp", body: FarEnd.Offer));
        SipMessage ok = await f.Transport.NextAsync(m => !m.IsRequest && m.CSeq.Method == SipMethod.Update);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("application/sdp", ok.ContentType);
        f.Transport.Deliver(FarEnd.InDialog("INFO", tag, 11, "z9hG4bKold"));
        Assert.Equal(SipMethod.Info, (await f.Transport.NextResponseAsync(500)).CSeq.Method);
    }

    [Fact]
    public async Task Reinvite_without_answerer_gets_488()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        (SipCall call, string tag) = await f.EstablishIncomingAsync();
        f.Transport.Deliver(FarEnd.InDialog("INVITE", tag, 11, "z9hG4bKre2", contentType: "application/sdp", body: FarEnd.Offer));
        Assert.Equal(11u, (await f.Transport.NextResponseAsync(488)).CSeq.Number);
        Assert.Equal(SipCallState.Established, call.State);
    }

    [Fact]
    public async Task Info_dtmf_is_received_and_sent()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        (SipCall call, string tag) = await f.EstablishIncomingAsync();
        var info = new TaskCompletionSource<SipInfoReceivedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.InfoReceived += (_, args) => info.TrySetResult(args);
        f.Transport.Deliver(FarEnd.InDialog("INFO", tag, 11, "z9hG4bKinfo", contentType: "application/dtmf-relay", body: "Signal=5\r\nDuration=160\r\n"));
        Assert.Equal(SipMethod.Info, (await f.Transport.NextResponseAsync(200)).CSeq.Method);
        SipInfoReceivedEventArgs received = await info.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal('5', received.DtmfDigit);
        Assert.Equal(160, received.DtmfDurationMs);

        Task sent = call.SendDtmfAsync('#', 250);
        SipMessage request = await f.Transport.NextRequestAsync(SipMethod.Info);
        Assert.Equal("application/dtmf-relay", request.ContentType);
        Assert.Equal("Signal=#\r\nDuration=250\r\n", System.Text.Encoding.UTF8.GetString(request.Body.ToArray()));
        f.Transport.Deliver(FarEnd.Respond(request, 200, "ft1"));
        await sent.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Options_are_answered_with_allow_and_accept_inside_and_outside_dialogs()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        f.Transport.Deliver(SipOutgoingMessage.CreateRequest("OPTIONS", "sip:1001@x.invalid")
            .Add("Via", "SIP/2.0/WS 127.0.0.1:5066;branch=z9hG4bKopt")
            .Add("From", "<sip:dkcloud.test>;tag=k").Add("To", "<sip:1001@dkcloud.test>")
            .Add("Call-ID", "opt-1").Add("CSeq", "1 OPTIONS"));
        SipMessage ok = await f.Transport.NextResponseAsync(200);
        Assert.Contains("INVITE", ok.Allow);
        Assert.Contains("application/sdp", ok.GetHeaderValue(SipHeaderName.Accept), StringComparison.Ordinal);

        (_, string tag) = await f.EstablishIncomingAsync();
        f.Transport.Deliver(FarEnd.InDialog("OPTIONS", tag, 11, "z9hG4bKopt2"));
        SipMessage inDialog = await f.Transport.NextAsync(m => !m.IsRequest && m.CSeq.Method == SipMethod.Options);
        Assert.Equal(tag, inDialog.To.Tag);
    }

    /// <summary>The media session's stand-in: answers with the SDP offer/answer helper.</summary>
    private sealed class OfferAnswerer : ISipSdpAnswerer
    {
        public Task<string> AnswerAsync(SipCall call, string remoteOffer, CancellationToken cancellationToken)
        {
            var options = new SdpAnswerOptions { IceUfrag = "ufrag", IcePwd = "passwordpasswordpassword" };
            return Task.FromResult(SdpOfferAnswer.CreateAnswer(SdpSessionDescription.Parse(remoteOffer), options).ToString());
        }
    }
}
