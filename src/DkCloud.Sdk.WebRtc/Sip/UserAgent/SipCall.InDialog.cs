using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip.Dialogs;
using DkCloud.Sdk.WebRtc.Sip.Transactions;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>Requests inside the dialog, both ways: BYE, re-INVITE, UPDATE, INFO, OPTIONS.</summary>
internal sealed partial class SipCall
{
    private bool _remoteOfferPending;

    /// <summary>
    /// Ends the call: BYE once the call exists (answered, or our 2xx sent), CANCEL while our INVITE rings, 486 for an
    /// incoming call not yet answered. Completes when the call has ended.
    /// </summary>
    public async Task HangupAsync(CancellationToken cancellationToken = default)
    {
        Task<SipMessage>? bye = null;
        lock (_owner.Gate)
        {
            switch (State)
            {
                case SipCallState.Ended:
                    return;
                case SipCallState.Ringing:
                    _invite!.Respond(486, Dialog!.LocalTag);
                    End(SipCallEndReason.Rejected, 486);
                    return;
                case SipCallState.Calling:
                case SipCallState.Proceeding:
                    RequestCancel();
                    break;
                case SipCallState.Terminating:
                    break;
                default:
                    _awaitingAck = null;
                    bye = SendBye();
                    End(SipCallEndReason.LocalHangup, null);
                    break;
            }
        }

        if (bye is not null)
        {
            try
            {
                await bye.ConfigureAwait(false);
            }
            catch (SipException)
            {
                // The call is over on our side; the far end's session times out.
            }

            return;
        }

        // CANCEL sent or deferred: the call ends with the 487 (or a 2xx answered by BYE, or Timer B).
        var canceled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => canceled.TrySetCanceled(cancellationToken)))
        {
            Task finished = await Task.WhenAny(WhenEnded, canceled.Task).ConfigureAwait(false);
            await finished.ConfigureAwait(false);
        }
    }

    /// <summary>Sends an INFO in the dialog and returns the final response (2xx) or throws.</summary>
    /// <exception cref="SipException">Rejected, timed out, or no dialog.</exception>
    public async Task SendInfoAsync(string contentType, string body, CancellationToken cancellationToken = default)
    {
        SipMessage response = await SendInDialogAsync(SipMethod.Info, contentType, body).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (response.StatusCode >= 300)
        {
            throw SipException.FromResponse(SipErrorCode.Rejected, response.StatusCode, "INFO");
        }
    }

    /// <summary>Sends one DTMF digit as INFO <c>application/dtmf-relay</c>.</summary>
    public Task SendDtmfAsync(char digit, int durationMs = 160, CancellationToken cancellationToken = default)
        => SendInfoAsync(SipDtmfRelay.ContentType, SipDtmfRelay.Format(digit, durationMs), cancellationToken);

    /// <summary>Sends an OPTIONS in the dialog (a liveness check of the far end) and returns its status code.</summary>
    public async Task<int> SendOptionsAsync()
    {
        SipMessage response = await SendInDialogAsync(SipMethod.Options, null, null).ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <summary>A request inside this dialog (under the lock): the CSeq is checked, then it is handled per method.</summary>
    internal void OnInDialogRequest(SipServerRequest server)
    {
        SipMessage request = server.Request;
        if (!Dialog!.AcceptRemoteCSeq(request))
        {
            server.Respond(500, Dialog.LocalTag);
            return;
        }

        switch (request.Method)
        {
            case SipMethod.Bye:
                server.Respond(200, Dialog.LocalTag);
                if (_invite is not null && _invite.IsPending)
                {
                    _invite.Respond(487, Dialog.LocalTag);
                }

                _awaitingAck = null;
                End(SipCallEndReason.RemoteHangup, null);
                break;
            case SipMethod.Invite:
            case SipMethod.Update:
                OnRemoteOffer(server);
                break;
            case SipMethod.Info:
                OnInfo(server);
                break;
            case SipMethod.Options:
                server.Respond(_owner.CreateOptionsResponse(server, Dialog.LocalTag));
                break;
            default:
                SipOutgoingMessage response = server.CreateResponse(501, Dialog.LocalTag);
                response.Add(SipHeaderName.Allow, SipRequestFactory.AllowedMethods);
                server.Respond(response);
                break;
        }
    }

    private void OnInfo(SipServerRequest server)
    {
        SipMessage request = server.Request;
        string body = BodyText(request);
        string? type = request.ContentType;
        char? digit = null;
        int? duration = null;
        if (type is not null && type.StartsWith(SipDtmfRelay.ContentType, StringComparison.OrdinalIgnoreCase)
            && SipDtmfRelay.TryParse(body, out char parsed, out int? parsedDuration))
        {
            digit = parsed;
            duration = parsedDuration;
        }

        server.Respond(200, Dialog!.LocalTag);
        var args = new SipInfoReceivedEventArgs(type, body, digit, duration);
        _owner.Post(() => InfoReceived?.Invoke(this, args));
    }

    private void OnRemoteOffer(SipServerRequest server)
    {
        SipMessage request = server.Request;
        if (_remoteOfferPending || _awaitingAck is not null || State is not (SipCallState.Established or SipCallState.Answering))
        {
            // An offer is already being negotiated (RFC 3261 §14.2, RFC 3311 §5.2).
            SipOutgoingMessage pending = server.CreateResponse(State == SipCallState.Established ? 491 : 500, Dialog!.LocalTag);
            if (State != SipCallState.Established)
            {
                pending.Add(SipHeaderName.RetryAfter, "1");
            }

            server.Respond(pending);
            return;
        }

        Dialog!.RefreshRemoteTarget(request);
        if (!HasSdp(request))
        {
            if (request.Method == SipMethod.Invite && LocalSdp is not null)
            {
                // Offerless re-INVITE: our current session goes in the 2xx as the offer; the answer comes in the ACK.
                AwaitAck(server);
                server.Respond(CreateSuccess(server, LocalSdp));
            }
            else
            {
                server.Respond(200, Dialog.LocalTag);
            }

            return;
        }

        ISipSdpAnswerer? answerer = _owner.Options.SdpAnswerer;
        if (answerer is null)
        {
            server.Respond(488, Dialog.LocalTag);
            return;
        }

        _remoteOfferPending = true;
        string offer = BodyText(request);
        _ = AnswerRemoteOfferAsync(answerer, server, offer);
    }

    private async Task AnswerRemoteOfferAsync(ISipSdpAnswerer answerer, SipServerRequest server, string offer)
    {
        string? answer = null;
        try
        {
            answer = await answerer.AnswerAsync(this, offer, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the media layer throws, the offer is refused with 488 and the old session stays.
        catch (Exception)
#pragma warning restore CA1031
        {
            answer = null;
        }

        lock (_owner.Gate)
        {
            _remoteOfferPending = false;
            if (State == SipCallState.Ended || !server.IsPending)
            {
                return;
            }

            if (answer is null)
            {
                server.Respond(488, Dialog!.LocalTag);
                return;
            }

            LocalSdp = answer;
            SetRemoteSdp(offer, raise: true);
            if (server.Request.Method == SipMethod.Invite)
            {
                AwaitAck(server);
            }

            SipOutgoingMessage ok = CreateSuccess(server, answer);
            if (server.Request.Method == SipMethod.Update)
            {
                ok.Remove(SipHeaderName.Allow);
            }

            server.Respond(ok);
        }
    }

    /// <summary>Sends BYE in the dialog (under the lock).</summary>
    private Task<SipMessage> SendBye() => SendBye(Dialog!);

    private Task<SipMessage> SendBye(SipDialog dialog)
    {
        SipOutgoingMessage bye = _owner.Factory.Create(SipMethod.Bye, dialog.CreateRequestContext());
        Task<SipMessage> sent = _owner.Layer.SendRequestAsync(bye);
        _ = sent.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return sent;
    }

    private Task<SipMessage> SendInDialogAsync(SipMethod method, string? contentType, string? body)
    {
        lock (_owner.Gate)
        {
            if (State is not (SipCallState.Established or SipCallState.Answering) || Dialog is null)
            {
                throw InvalidState(SipMethods.ToName(method));
            }

            SipOutgoingMessage request = _owner.Factory.Create(method, Dialog.CreateRequestContext());
            if (contentType is not null)
            {
                request.Add(SipHeaderName.ContentType, contentType);
                request.Body = Encoding.UTF8.GetBytes(body ?? string.Empty);
            }

            return _owner.Layer.SendRequestAsync(request);
        }
    }
}
