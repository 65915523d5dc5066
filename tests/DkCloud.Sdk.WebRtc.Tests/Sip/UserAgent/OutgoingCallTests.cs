using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip.UserAgent;

public class OutgoingCallTests
{
    private static SipOutgoingMessage Answer(SipMessage invite, int status, string tag = "bs1")
    {
        SipOutgoingMessage response = FarEnd.Respond(invite, status, tag);
        response.Add("Record-Route", "<sip:127.0.0.1;r2=on;lr=on>");
        response.Add("Record-Route", "<sip:127.0.0.1:5066;transport=ws;r2=on;lr=on>");
        response.Add("Contact", "<sip:9000@127.0.0.1:5070;transport=udp>");
        if (status == 200)
        {
            response.Add("Content-Type", "application/sdp");
            response.Body = System.Text.Encoding.UTF8.GetBytes(FarEnd.Offer);
        }

        return response;
    }

    [Fact]
    public async Task Invite_retries_407_with_proxy_authorization_and_acks_the_2xx_through_the_reversed_route_set()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        SipCall call = f.Agent.Call("9000", FarEnd.Answer);
        SipMessage first = await f.Transport.NextRequestAsync(SipMethod.Invite);
        Assert.Equal("sip:9000@dkcloud.test", first.RequestUriText);
        SipOutgoingMessage challenge = FarEnd.Respond(first, 407);
        challenge.Add("Proxy-Authenticate", "Digest realm=\"dkcloud.test\", nonce=\"p1\", qop=\"auth\"");
        f.Transport.Deliver(challenge);

        SipMessage ackOf407 = await f.Transport.NextRequestAsync(SipMethod.Ack);
        Assert.Equal(first.Vias[0].Branch, ackOf407.Vias[0].Branch);
        SipMessage second = await f.Transport.NextRequestAsync(SipMethod.Invite);
        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.From.Tag, second.From.Tag);
        Assert.Equal(2u, second.CSeq.Number);
        Assert.Contains("nonce=\"p1\"", second.GetHeaderValue("Proxy-Authorization"), StringComparison.Ordinal);

        var progress = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Progress += (_, status) => progress.TrySetResult(status);
        f.Transport.Deliver(Answer(second, 180));
        Assert.Equal(180, await progress.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        f.Transport.Deliver(Answer(second, 200));
        SipMessage ack = await f.Transport.NextRequestAsync(SipMethod.Ack);
        Assert.NotEqual(second.Vias[0].Branch, ack.Vias[0].Branch);
        Assert.Equal(2u, ack.CSeq.Number);
        Assert.Equal("sip:9000@127.0.0.1:5070;transport=udp", ack.RequestUriText);
        Assert.Equal(new[] { "<sip:127.0.0.1:5066;transport=ws;r2=on;lr=on>", "<sip:127.0.0.1;r2=on;lr=on>" }, ack.GetHeaderValues(SipHeaderName.Route));
        Assert.Equal("bs1", ack.To.Tag);
        await call.WhenEstablished.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(FarEnd.Offer, call.RemoteSdp);

        // A retransmitted 2xx is acknowledged again with the same ACK.
        f.Transport.Deliver(Answer(second, 200));
        SipMessage again = await f.Transport.NextRequestAsync(SipMethod.Ack);
        Assert.Equal(ack.Vias[0].Branch, again.Vias[0].Branch);

        Task hangup = call.HangupAsync();
        SipMessage bye = await f.Transport.NextRequestAsync(SipMethod.Bye);
        Assert.Equal(3u, bye.CSeq.Number);
        f.Transport.Deliver(FarEnd.Respond(bye, 200, "bs1"));
        await hangup.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Hangup_while_ringing_sends_cancel_and_ends_with_canceled_on_487()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        SipCall call = f.Agent.Call("sip:9000@dkcloud.test", FarEnd.Answer);
        SipMessage invite = await f.Transport.NextRequestAsync(SipMethod.Invite);
        Task hangup = call.HangupAsync();
        Assert.Equal(0, f.Transport.Count(m => m.IsRequest && m.Method == SipMethod.Cancel));
        f.Transport.Deliver(Answer(invite, 180));
        SipMessage cancel = await f.Transport.NextRequestAsync(SipMethod.Cancel);
        Assert.Equal(invite.Vias[0].Branch, cancel.Vias[0].Branch);
        Assert.Equal(invite.CSeq.Number, cancel.CSeq.Number);
        f.Transport.Deliver(FarEnd.Respond(cancel, 200, "bs1"));
        f.Transport.Deliver(Answer(invite, 487));
        SipMessage ack = await f.Transport.NextRequestAsync(SipMethod.Ack);
        Assert.Equal(invite.Vias[0].Branch, ack.Vias[0].Branch);
        await hangup.WaitAsync(TimeSpan.FromSeconds(10));
        SipCallEndedEventArgs ended = await call.WhenEnded;
        Assert.Equal(SipCallEndReason.Canceled, ended.Reason);
        Assert.Equal(487, ended.StatusCode);
    }

    [Fact]
    public async Task Busy_is_reported_with_the_status_and_a_typed_exception()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        SipCall call = f.Agent.Call("9000", FarEnd.Answer);
        SipMessage invite = await f.Transport.NextRequestAsync(SipMethod.Invite);
        f.Transport.Deliver(Answer(invite, 486));
        SipException error = await Assert.ThrowsAsync<SipException>(() => call.WhenEstablished.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(SipErrorCode.Rejected, error.Code);
        Assert.Equal(486, error.StatusCode);
        Assert.Equal(SipCallEndReason.RemoteRejected, (await call.WhenEnded).Reason);
    }

    [Fact]
    public async Task No_final_response_times_out_after_64_t1()
    {
        using var f = new UserAgentFixture(register: false);
        await f.Agent.StartAsync(CancellationToken.None);
        SipCall call = f.Agent.Call("9000", FarEnd.Answer);
        await f.Transport.NextRequestAsync(SipMethod.Invite);
        f.Advance(TimeSpan.FromSeconds(32));
        SipCallEndedEventArgs ended = await call.WhenEnded.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipCallEndReason.Timeout, ended.Reason);
        Assert.Equal(408, ended.StatusCode);
    }
}
