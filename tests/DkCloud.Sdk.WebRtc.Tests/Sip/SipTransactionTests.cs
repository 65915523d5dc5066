using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Sip;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

public class SipTransactionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<SipMessage> _sent = new();
    private readonly SipRequestFactory _factory = new(new SipWebSocketIdentity(Guid.Empty, "t.invalid"));

    private void Send(byte[] bytes) => _sent.Add(SipMessage.Parse(bytes));

    private SipOutgoingMessage Request(SipMethod method)
    {
        var context = new SipRequestContext(
            SipUri.Parse("sip:2000@dk"),
            new SipNameAddress(SipUri.Parse("sip:1001@dk")).WithParameter("tag", "f"),
            new SipNameAddress(SipUri.Parse("sip:2000@dk")), "call", 1);
        return _factory.Create(method, context, "1001");
    }

    private static SipMessage Response(SipOutgoingMessage request, int status)
        => SipMessage.Parse(SipResponseFactory.Create(SipMessage.Parse(request.ToArray()), status, toTag: "t").ToArray());

    private void Advance(double milliseconds) => _time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    [Fact]
    public void Client_invite_over_unreliable_transport_retransmits_with_timer_a_and_times_out_with_timer_b()
    {
        var transaction = new SipClientInviteTransaction(Request(SipMethod.Invite), reliable: false, Send, time: _time);
        SipTransactionTimeout? timeout = null;
        transaction.TimedOut += (_, t) => timeout = t;
        transaction.Start();
        Assert.Single(_sent);

        // Timer A: 0.5, 1, 2, 4, 8, 16 s after each previous send -> sends at 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s.
        double[] sendTimes = [500, 1500, 3500, 7500, 15500, 31500];
        double now = 0;
        foreach (double at in sendTimes)
        {
            Advance(at - now - 1);
            int before = _sent.Count;
            Advance(1);
            now = at;
            Assert.Equal(before + 1, _sent.Count);
        }

        Assert.Null(timeout);
        Advance(32000 - now - 1);
        Assert.Equal(SipTransactionState.Calling, transaction.State);
        Advance(1);
        Assert.Equal(SipTransactionTimeout.TimerB, timeout);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.Equal(7, _sent.Count);
    }

    [Fact]
    public void Client_invite_over_websocket_never_retransmits_but_timer_b_applies()
    {
        var transaction = new SipClientInviteTransaction(Request(SipMethod.Invite), reliable: true, Send, time: _time);
        SipTransactionTimeout? timeout = null;
        transaction.TimedOut += (_, t) => timeout = t;
        transaction.Start();

        Advance(31999);
        Assert.Single(_sent);
        Assert.Null(timeout);
        Advance(1);
        Assert.Equal(SipTransactionTimeout.TimerB, timeout);
    }

    [Fact]
    public void Client_invite_acknowledges_a_failure_and_absorbs_its_retransmission()
    {
        SipOutgoingMessage invite = Request(SipMethod.Invite);
        var transaction = new SipClientInviteTransaction(invite, reliable: false, Send, time: _time);
        var seen = new List<int>();
        var order = new List<string>();
        transaction.ResponseReceived += (_, r) => { seen.Add(r.StatusCode); order.Add("response"); };
        transaction.Terminated += _ => order.Add("terminated");
        transaction.Start();

        transaction.OnResponse(Response(invite, 180));
        Assert.Equal(SipTransactionState.Proceeding, transaction.State);
        Advance(5000);
        Assert.Single(_sent); // Timer A stopped by the provisional.

        SipMessage busy = Response(invite, 486);
        transaction.OnResponse(busy);
        Assert.Equal(SipTransactionState.Completed, transaction.State);
        SipMessage ack = _sent[1];
        Assert.Equal(SipMethod.Ack, ack.Method);
        Assert.Equal(invite.Get(SipHeaderName.Via), ack.GetHeaderValue(SipHeaderName.Via));
        Assert.Equal("t", ack.To.Tag);

        transaction.OnResponse(busy);
        Assert.Equal(3, _sent.Count);
        Assert.Equal(new[] { 180, 486 }, seen);

        Advance(31999);
        Assert.Equal(SipTransactionState.Completed, transaction.State);
        Advance(1);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.Equal(new[] { "response", "response", "terminated" }, order);
    }

    [Fact]
    public void Client_invite_over_reliable_transport_ends_at_once_after_a_failure()
    {
        SipOutgoingMessage invite = Request(SipMethod.Invite);
        var transaction = new SipClientInviteTransaction(invite, reliable: true, Send, time: _time);
        var order = new List<string>();
        transaction.ResponseReceived += (_, r) => order.Add("response " + r.StatusCode);
        transaction.Terminated += _ => order.Add("terminated");
        transaction.Start();

        transaction.OnResponse(Response(invite, 603));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.Equal(new[] { "response 603", "terminated" }, order);
        Assert.Equal(SipMethod.Ack, _sent[1].Method);
    }

    [Fact]
    public void Client_invite_passes_every_2xx_to_the_user_until_timer_m()
    {
        SipOutgoingMessage invite = Request(SipMethod.Invite);
        var transaction = new SipClientInviteTransaction(invite, reliable: true, Send, time: _time);
        int successes = 0;
        transaction.ResponseReceived += (_, r) => successes += r.StatusCode == 200 ? 1 : 0;
        transaction.Start();

        SipMessage ok = Response(invite, 200);
        transaction.OnResponse(ok);
        transaction.OnResponse(ok);
        Assert.Equal(2, successes);
        Assert.Equal(SipTransactionState.Accepted, transaction.State);
        Assert.Single(_sent); // The ACK for 2xx belongs to the user, not the transaction.

        Advance(32000);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        transaction.OnResponse(ok);
        Assert.Equal(2, successes);
    }

    [Fact]
    public void Client_non_invite_retransmits_capped_at_t2_and_times_out_with_timer_f()
    {
        var transaction = new SipClientNonInviteTransaction(Request(SipMethod.Register), reliable: false, Send, time: _time);
        SipTransactionTimeout? timeout = null;
        transaction.TimedOut += (_, t) => timeout = t;
        transaction.Start();

        // Timer E: 0.5, 1, 2, 4, 4, 4 … s intervals.
        Advance(500);
        Assert.Equal(2, _sent.Count);
        Advance(1000);
        Assert.Equal(3, _sent.Count);
        Advance(2000);
        Assert.Equal(4, _sent.Count);
        Advance(4000);
        Assert.Equal(5, _sent.Count);
        Advance(3999);
        Assert.Equal(5, _sent.Count);
        Advance(1);
        Assert.Equal(6, _sent.Count);
        Advance(32000 - 11500);
        Assert.Equal(SipTransactionTimeout.TimerF, timeout);
    }

    [Fact]
    public void Client_non_invite_over_websocket_uses_timer_f_only_and_timer_k_is_zero()
    {
        SipOutgoingMessage register = Request(SipMethod.Register);
        var transaction = new SipClientNonInviteTransaction(register, reliable: true, Send, time: _time);
        SipMessage? final = null;
        transaction.ResponseReceived += (_, r) => final = r;
        transaction.Start();

        Advance(20000);
        Assert.Single(_sent);
        transaction.OnResponse(Response(register, 100));
        Assert.Equal(SipTransactionState.Proceeding, transaction.State);
        transaction.OnResponse(Response(register, 401));
        Assert.Equal(401, final!.StatusCode);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Client_non_invite_keeps_completed_for_t4_on_unreliable_transport()
    {
        SipOutgoingMessage options = Request(SipMethod.Options);
        var transaction = new SipClientNonInviteTransaction(options, reliable: false, Send, new SipTimerOptions { T4 = TimeSpan.FromSeconds(2) }, _time);
        transaction.Start();
        transaction.OnResponse(Response(options, 200));
        Advance(1999);
        Assert.Equal(SipTransactionState.Completed, transaction.State);
        Advance(1);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Server_invite_retransmits_2xx_over_websocket_until_ack()
    {
        SipMessage invite = SipMessage.Parse(Request(SipMethod.Invite).ToArray());
        var transaction = new SipServerInviteTransaction(invite, reliable: true, Send, time: _time);
        SipMessage? ack = null;
        transaction.AckReceived += (_, a) => ack = a;

        transaction.SendResponse(SipResponseFactory.Create(invite, 180, toTag: "t"));
        transaction.SendResponse(SipResponseFactory.Create(invite, 200, toTag: "t"));
        Assert.Equal(SipTransactionState.Accepted, transaction.State);
        Assert.Equal(2, _sent.Count);

        // 13.3.1.4: T1, then doubling to T2: resends at 0.5, 1.5, 3.5, 7.5 s.
        Advance(500);
        Assert.Equal(3, _sent.Count);
        Advance(1000);
        Assert.Equal(4, _sent.Count);
        Advance(2000);
        Assert.Equal(5, _sent.Count);
        Assert.Equal(200, _sent[4].StatusCode);

        transaction.OnRequest(SipMessage.Parse(_factory.Create(SipMethod.Ack, new SipRequestContext(
            SipUri.Parse("sip:1001@t.invalid"), invite.From, invite.To.WithParameter("tag", "t"), invite.CallId, 1)).ToArray()));
        Assert.NotNull(ack);
        Advance(10000);
        Assert.Equal(5, _sent.Count);
        Assert.Equal(SipTransactionState.Accepted, transaction.State);
        Advance(22000);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Server_invite_reports_a_missing_ack_for_2xx_after_64_t1()
    {
        SipMessage invite = SipMessage.Parse(Request(SipMethod.Invite).ToArray());
        var transaction = new SipServerInviteTransaction(invite, reliable: true, Send, time: _time);
        SipTransactionTimeout? timeout = null;
        transaction.TimedOut += (_, t) => timeout = t;
        transaction.SendResponse(SipResponseFactory.Create(invite, 200, toTag: "t"));

        for (int i = 0; i < 319; i++)
        {
            Advance(100); // FakeTimeProvider fires a timer created during Advance only on a later Advance.
        }

        Advance(99);
        Assert.Null(timeout);
        // Sends at 0, then 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5 s.
        Assert.Equal(11, _sent.Count);
        Advance(1);
        Assert.Equal(SipTransactionTimeout.AckForSuccess, timeout);
        Advance(10000);
        Assert.Equal(11, _sent.Count);
    }

    [Fact]
    public void Server_invite_failure_uses_timers_g_h_and_i()
    {
        SipMessage invite = SipMessage.Parse(Request(SipMethod.Invite).ToArray());
        var transaction = new SipServerInviteTransaction(invite, reliable: false, Send, time: _time);
        transaction.SendResponse(SipResponseFactory.Create(invite, 100));
        transaction.OnRequest(invite);
        Assert.Equal(2, _sent.Count); // the retransmitted INVITE got the 100 again
        transaction.SendResponse(SipResponseFactory.Create(invite, 486, toTag: "t"));
        Assert.Equal(SipTransactionState.Completed, transaction.State);
        Assert.Throws<InvalidOperationException>(() => transaction.SendResponse(SipResponseFactory.Create(invite, 200, toTag: "t")));

        Advance(500);
        Assert.Equal(4, _sent.Count); // Timer G
        transaction.OnRequest(invite);
        Assert.Equal(5, _sent.Count);
        Assert.Equal(486, _sent[4].StatusCode);

        SipMessage ack = SipMessage.Parse(SipRequestFactory.CreateAckForFailure(Request(SipMethod.Invite), _sent[4]).ToArray());
        transaction.OnRequest(ack);
        Assert.Equal(SipTransactionState.Confirmed, transaction.State);
        Advance(4999);
        Assert.Equal(SipTransactionState.Confirmed, transaction.State);
        Assert.Equal(5, _sent.Count);
        Advance(1);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Server_invite_without_ack_for_failure_times_out_with_timer_h()
    {
        SipMessage invite = SipMessage.Parse(Request(SipMethod.Invite).ToArray());
        var transaction = new SipServerInviteTransaction(invite, reliable: true, Send, time: _time);
        SipTransactionTimeout? timeout = null;
        transaction.TimedOut += (_, t) => timeout = t;
        transaction.SendResponse(SipResponseFactory.Create(invite, 480, toTag: "t"));
        Advance(31999);
        Assert.Single(_sent); // no Timer G over a reliable transport
        Advance(1);
        Assert.Equal(SipTransactionTimeout.TimerH, timeout);
    }

    [Theory]
    [InlineData(false, 32000)]
    [InlineData(true, 0)]
    public void Server_non_invite_answers_retransmissions_until_timer_j(bool reliable, int timerJ)
    {
        SipMessage options = SipMessage.Parse(Request(SipMethod.Options).ToArray());
        var transaction = new SipServerNonInviteTransaction(options, reliable, Send, time: _time);
        transaction.OnRequest(options);
        Assert.Empty(_sent);
        transaction.SendResponse(SipResponseFactory.Create(options, 200, toTag: "t"));
        if (timerJ == 0)
        {
            Assert.Equal(SipTransactionState.Terminated, transaction.State);
            return;
        }

        transaction.OnRequest(options);
        Assert.Equal(2, _sent.Count);
        Advance(timerJ - 1);
        Assert.Equal(SipTransactionState.Completed, transaction.State);
        Advance(1);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Configured_t1_scales_every_timer()
    {
        var options = new SipTimerOptions { T1 = TimeSpan.FromMilliseconds(100) };
        var transaction = new SipClientNonInviteTransaction(Request(SipMethod.Bye), reliable: true, Send, options, _time);
        SipTransactionTimeout? timeout = null;
        transaction.TimedOut += (_, t) => timeout = t;
        transaction.Start();
        Advance(6399);
        Assert.Null(timeout);
        Advance(1);
        Assert.Equal(SipTransactionTimeout.TimerF, timeout);
    }

    [Fact]
    public void Transaction_keys_match_responses_requests_and_acks()
    {
        SipOutgoingMessage invite = Request(SipMethod.Invite);
        SipMessage parsed = SipMessage.Parse(invite.ToArray());
        SipMessage ringing = Response(invite, 180);
        Assert.Equal(SipTransactionKey.ForOutgoingRequest(invite), SipTransactionKey.ForResponse(ringing));

        SipMessage ack = SipMessage.Parse(SipRequestFactory.CreateAckForFailure(invite, Response(invite, 486)).ToArray());
        Assert.Equal(SipTransactionKey.ForRequest(parsed), SipTransactionKey.ForRequest(ack));
        SipMessage cancel = SipMessage.Parse(SipRequestFactory.CreateCancel(invite).ToArray());
        Assert.NotEqual(SipTransactionKey.ForRequest(parsed), SipTransactionKey.ForRequest(cancel));
        Assert.Equal(SipTransactionKey.ForRequest(parsed).GetHashCode(), SipTransactionKey.ForRequest(ack).GetHashCode());
    }
}
