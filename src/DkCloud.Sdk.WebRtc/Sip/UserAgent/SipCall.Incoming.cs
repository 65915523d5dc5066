using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip.Dialogs;
using DkCloud.Sdk.WebRtc.Sip.Transactions;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>The UAS side: ringing, answering, rejecting, the caller's CANCEL and the ACK of our 2xx.</summary>
internal sealed partial class SipCall
{
    private SipServerRequest? _invite;
    private SipServerRequest? _awaitingAck;

    /// <summary>A call for a received INVITE (under the lock).</summary>
    internal static SipCall CreateIncoming(SipUserAgent owner, SipServerRequest invite)
    {
        SipMessage request = invite.Request;
        SipNameAddress from = request.From;
        var call = new SipCall(owner, SipCallDirection.Incoming, request.CallId, from.Uri ?? new SipUri("sip", null, owner.Options.Domain))
        {
            _invite = invite,
            RemoteDisplayName = from.DisplayName,
            State = SipCallState.Ringing,
            Dialog = SipDialog.CreateAsUas(request, SipRandom.CreateTag()),
        };
        call.RemoteSdp = BodyText(request);
        return call;
    }

    /// <summary>Sends 100 Trying and 180 Ringing (under the lock).</summary>
    internal void Ring()
    {
        _invite!.Respond(_invite.CreateResponse(100));
        SipOutgoingMessage ringing = _invite.CreateResponse(180, Dialog!.LocalTag);
        ringing.Add(SipHeaderName.Contact, _owner.ContactHeader);
        _invite.Respond(ringing);
    }

    /// <summary>Answers an incoming call with 200 OK carrying <paramref name="sdpAnswer"/>; the 200 is resent until the ACK.</summary>
    /// <exception cref="SipException"><see cref="SipErrorCode.InvalidState"/> when the call is not ringing.</exception>
    public Task AnswerAsync(string sdpAnswer, CancellationToken cancellationToken = default)
    {
        if (sdpAnswer is null)
        {
            throw new ArgumentNullException(nameof(sdpAnswer));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_owner.Gate)
        {
            if (Direction != SipCallDirection.Incoming || State != SipCallState.Ringing || _invite is null || !_invite.IsPending)
            {
                throw InvalidState("Answering");
            }

            LocalSdp = sdpAnswer;
            SipOutgoingMessage ok = CreateSuccess(_invite, sdpAnswer);
            State = SipCallState.Answering;
            AwaitAck(_invite);
            _invite.Respond(ok);
        }

        return Task.CompletedTask;
    }

    /// <summary>Rejects an incoming call (486 Busy Here, 603 Decline, 480…).</summary>
    /// <exception cref="SipException"><see cref="SipErrorCode.InvalidState"/> when the call is not ringing.</exception>
    public Task RejectAsync(int statusCode = 486, CancellationToken cancellationToken = default)
    {
        if (statusCode is < 300 or > 699)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A rejection is 300-699.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_owner.Gate)
        {
            if (Direction != SipCallDirection.Incoming || State != SipCallState.Ringing || _invite is null || !_invite.IsPending)
            {
                throw InvalidState("Rejecting");
            }

            _invite.Respond(statusCode, Dialog!.LocalTag);
            End(SipCallEndReason.Rejected, statusCode);
        }

        return Task.CompletedTask;
    }

    /// <summary>True when <paramref name="invite"/> is this call's INVITE.</summary>
    internal bool IsInviteOf(SipServerRequest invite) => ReferenceEquals(_invite, invite);

    /// <summary>True when <paramref name="request"/> has this call's Call-ID and From tag.</summary>
    internal bool IsSameOrigin(SipMessage request)
        => _invite is not null
            && string.Equals(request.CallId, CallId, StringComparison.Ordinal)
            && string.Equals(request.From.Tag, _invite.Request.From.Tag, StringComparison.Ordinal)
            && request.CSeq.Number == _invite.Request.CSeq.Number;

    /// <summary>The caller sent CANCEL before our final response (under the lock).</summary>
    internal void OnRemoteCancel()
    {
        if (_invite is not null && _invite.IsPending)
        {
            _invite.Respond(487, Dialog!.LocalTag);
        }

        End(SipCallEndReason.RemoteCanceled, 487);
    }

    /// <summary>An ACK for one of our 2xx (under the lock).</summary>
    internal void OnAck(SipMessage ack)
    {
        SipServerRequest? pending = _awaitingAck;
        if (pending is null || ack.CSeq.Number != pending.Request.CSeq.Number)
        {
            return;
        }

        _awaitingAck = null;
        pending.InviteTransaction!.OnRequest(ack);
        if (HasSdp(ack))
        {
            // The answer to the offer we put in the 2xx of an offerless re-INVITE.
            SetRemoteSdp(BodyText(ack), raise: true);
        }

        if (State == SipCallState.Answering)
        {
            Establish();
        }
    }

    /// <summary>A 2xx to an INVITE we received (initial or re-INVITE), with Contact and the SDP.</summary>
    private SipOutgoingMessage CreateSuccess(SipServerRequest invite, string sdp)
    {
        SipOutgoingMessage ok = invite.CreateResponse(200, Dialog!.LocalTag);
        ok.Add(SipHeaderName.Contact, _owner.ContactHeader);
        ok.Add(SipHeaderName.Allow, SipRequestFactory.AllowedMethods);
        ok.Add(SipHeaderName.ContentType, "application/sdp");
        ok.Body = Encoding.UTF8.GetBytes(sdp);
        return ok;
    }

    /// <summary>Watches a 2xx to an INVITE until its ACK; without one in 64×T1, the call is ended with BYE.</summary>
    private void AwaitAck(SipServerRequest invite)
    {
        _awaitingAck = invite;
        invite.Transaction.TimedOut += (_, timeout) =>
        {
            if (timeout != SipTransactionTimeout.AckForSuccess)
            {
                return;
            }

            lock (_owner.Gate)
            {
                if (!ReferenceEquals(_awaitingAck, invite) || State == SipCallState.Ended)
                {
                    return;
                }

                _awaitingAck = null;
                SendBye();
                End(SipCallEndReason.NoAck, 408);
            }
        };
    }
}
