using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip.Dialogs;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>
/// The UAC side: the INVITE (retried once with credentials after 401/407), provisional responses, the ACK of a 2xx
/// built from the dialog (resent for each retransmitted 2xx) and CANCEL while ringing (deferred until a provisional
/// response arrived, RFC 3261 §9.1).
/// </summary>
internal sealed partial class SipCall
{
    private SipOutgoingMessage? _inviteRequest;
    private SipNameAddress? _from;
    private DigestAuthenticator? _authenticator;
    private uint _inviteCSeq;
    private byte[]? _ack;
    private bool _provisionalSeen;
    private bool _cancelWanted;
    private bool _cancelSent;

    /// <summary>A call to <paramref name="target"/> (under the lock); <see cref="SendInitialInvite"/> sends it.</summary>
    internal static SipCall CreateOutgoing(SipUserAgent owner, SipUri target, string sdpOffer)
    {
        var call = new SipCall(owner, SipCallDirection.Outgoing, SipRandom.CreateCallId(), target)
        {
            State = SipCallState.Calling,
            LocalSdp = sdpOffer,
            _from = new SipNameAddress(owner.Options.AddressOfRecord, owner.Options.DisplayName).WithParameter("tag", SipRandom.CreateTag()),
            _authenticator = new DigestAuthenticator(owner.Credentials),
        };
        return call;
    }

    /// <summary>Sends the first INVITE (under the lock).</summary>
    internal void SendInitialInvite() => SendInvite(authorizationHeader: null);

    /// <summary>True when <paramref name="response"/> answers our INVITE (Call-ID and From tag).</summary>
    internal bool OwnsResponse(SipMessage response)
        => string.Equals(response.CallId, CallId, StringComparison.Ordinal)
            && string.Equals(response.From.Tag, _from?.Tag, StringComparison.Ordinal);

    /// <summary>Cancels an outgoing call that is not answered yet; an answered one is hung up.</summary>
    internal Task CancelAttemptAsync() => HangupAsync();

    private void SendInvite(string? authorizationHeader)
    {
        _inviteCSeq++;
        var context = new SipRequestContext(RemoteUri, _from!, new SipNameAddress(RemoteUri), CallId, _inviteCSeq);
        SipOutgoingMessage invite = _owner.Factory.CreateInvite(context, _owner.Options.User, LocalSdp!);
        if (authorizationHeader is not null)
        {
            invite.Add(authorizationHeader, _authenticator!.CreateAuthorization("INVITE", RemoteUri.ToString()));
        }

        _inviteRequest = invite;
        _provisionalSeen = false;
        _owner.Layer.SendInvite(invite, OnInviteResponseLocked, _ => OnInviteTimeout());
    }

    private void OnInviteResponseLocked(SipMessage response)
    {
        lock (_owner.Gate)
        {
            OnInviteResponse(response);
        }
    }

    /// <summary>A response to our INVITE, from its transaction or a stray 2xx retransmission (under the lock).</summary>
    internal void OnInviteResponse(SipMessage response)
    {
        int status = response.StatusCode;
        if (response.CSeq.Number != _inviteCSeq)
        {
            return;
        }

        if (status < 200)
        {
            OnProvisional(status);
        }
        else if (status < 300)
        {
            OnSuccess(response);
        }
        else if (State != SipCallState.Ended)
        {
            OnFailure(response);
        }
    }

    private void OnProvisional(int status)
    {
        if (State is not (SipCallState.Calling or SipCallState.Proceeding or SipCallState.Terminating))
        {
            return;
        }

        _provisionalSeen = true;
        if (_cancelWanted && !_cancelSent)
        {
            SendCancel();
            return;
        }

        if (status > 100 && State != SipCallState.Terminating)
        {
            State = SipCallState.Proceeding;
            _owner.Post(() => Progress?.Invoke(this, status));
        }
    }

    private void OnSuccess(SipMessage response)
    {
        if (Dialog is not null)
        {
            if (Dialog.MatchesResponse(response))
            {
                _owner.Layer.SendStateless(_ack!);
            }
            else
            {
                // A 2xx from another fork: acknowledge it and end that dialog at once (§13.2.2.4).
                SipDialog other = SipDialog.CreateAsUac(response, _inviteCSeq);
                SendAck(other);
                SendBye(other);
            }

            return;
        }

        try
        {
            Dialog = SipDialog.CreateAsUac(response, _inviteCSeq);
        }
        catch (SipException)
        {
            End(SipCallEndReason.ProtocolError, response.StatusCode);
            return;
        }

        _ack = SendAck(Dialog);
        if (HasSdp(response))
        {
            SetRemoteSdp(BodyText(response), raise: false);
        }

        if (_cancelWanted || State == SipCallState.Ended)
        {
            // Answered while we were canceling: the call exists now, so end it with BYE.
            SendBye();
            End(SipCallEndReason.Canceled, null);
            return;
        }

        Establish();
    }

    private void OnFailure(SipMessage response)
    {
        int status = response.StatusCode;
        if ((status == 401 || status == 407) && !_cancelWanted)
        {
            IReadOnlyList<SipAuthChallenge> challenges = status == 401 ? response.WwwAuthenticate : response.ProxyAuthenticate;
            foreach (SipAuthChallenge challenge in challenges)
            {
                if (_authenticator!.TryAccept(challenge))
                {
                    SendInvite(status == 401 ? "Authorization" : "Proxy-Authorization");
                    return;
                }
            }

            End(SipCallEndReason.AuthenticationFailed, status);
            return;
        }

        End(_cancelWanted && status == 487 ? SipCallEndReason.Canceled : SipCallEndReason.RemoteRejected, status);
    }

    private void OnInviteTimeout()
    {
        lock (_owner.Gate)
        {
            if (State is SipCallState.Calling or SipCallState.Proceeding or SipCallState.Terminating && Dialog is null)
            {
                End(_cancelWanted ? SipCallEndReason.Canceled : SipCallEndReason.Timeout, 408);
            }
        }
    }

    private byte[] SendAck(SipDialog dialog)
    {
        SipOutgoingMessage ack = _owner.Factory.Create(SipMethod.Ack, dialog.CreateAckContext(_inviteCSeq));
        byte[] bytes = ack.ToArray();
        _owner.Layer.SendStateless(bytes);
        return bytes;
    }

    /// <summary>Cancels the pending INVITE now or as soon as a provisional response allows it (under the lock).</summary>
    private void RequestCancel()
    {
        _cancelWanted = true;
        State = SipCallState.Terminating;
        if (_provisionalSeen && !_cancelSent)
        {
            SendCancel();
        }
    }

    private void SendCancel()
    {
        _cancelSent = true;
        _ = _owner.Layer.SendRequestAsync(SipRequestFactory.CreateCancel(_inviteRequest!)).ContinueWith(
            t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }
}
