using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip.Transactions;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>Requests from the far end, routed to a call by dialog or answered here.</summary>
internal sealed partial class SipUserAgent
{
    /// <summary>What we accept in bodies, for Accept.</summary>
    internal const string AcceptedBodies = "application/sdp, application/dtmf-relay";

    /// <summary>Outgoing calls: places an INVITE with <paramref name="sdpOffer"/> to <paramref name="target"/>.</summary>
    /// <param name="target">A SIP URI (<c>sip:9000@dkcloud.test</c>) or an extension in our domain.</param>
    /// <param name="sdpOffer">The local offer with every ICE candidate (no trickle over SIP).</param>
    /// <param name="cancellationToken">Cancels the call attempt (CANCEL while ringing).</param>
    /// <returns>The call, already sending; await <see cref="SipCall.WhenEstablished"/> for the answer.</returns>
    public SipCall Call(string target, string sdpOffer, CancellationToken cancellationToken = default)
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        SipUri uri = target.IndexOf(':') > 0 ? SipUri.Parse(target) : new SipUri("sip", target, Options.Domain);
        SipCall call;
        lock (Gate)
        {
            if (_stopped)
            {
                throw new SipException(SipErrorCode.InvalidState, "The user agent is stopped.");
            }

            call = SipCall.CreateOutgoing(this, uri, sdpOffer ?? throw new ArgumentNullException(nameof(sdpOffer)));
            _calls.Add(call);
            call.SendInitialInvite();
        }

        if (cancellationToken.CanBeCanceled)
        {
            CancellationTokenRegistration registration = cancellationToken.Register(() => _ = call.CancelAttemptAsync());
            _ = call.WhenEnded.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return call;
    }

    private void OnRequest(SipServerRequest server)
    {
        SipMessage request = server.Request;
        lock (Gate)
        {
            if (request.To.Tag is not null)
            {
                SipCall? call = FindByRequest(request);
                if (call is null)
                {
                    server.Respond(481);
                    return;
                }

                call.OnInDialogRequest(server);
                return;
            }

            switch (request.Method)
            {
                case SipMethod.Invite when !_stopped:
                    OnNewInvite(server);
                    break;
                case SipMethod.Options:
                    server.Respond(CreateOptionsResponse(server, null));
                    break;
                case SipMethod.Bye:
                case SipMethod.Info:
                case SipMethod.Update:
                case SipMethod.Prack:
                    server.Respond(481);
                    break;
                default:
                    if (Options.RequestHandler?.Invoke(server) == true)
                    {
                        break;
                    }

                    SipOutgoingMessage response = server.CreateResponse(_stopped ? 480 : 501);
                    response.Add(SipHeaderName.Allow, SipRequestFactory.AllowedMethods);
                    server.Respond(response);
                    break;
            }
        }
    }

    /// <summary>The answer to OPTIONS: 200 with Allow, Accept and, inside a dialog, our tag.</summary>
    internal SipOutgoingMessage CreateOptionsResponse(SipServerRequest server, string? toTag)
    {
        SipOutgoingMessage response = server.CreateResponse(200, toTag);
        response.Add(SipHeaderName.Allow, SipRequestFactory.AllowedMethods);
        response.Add(SipHeaderName.Accept, AcceptedBodies);
        response.Add(SipHeaderName.UserAgent, Options.UserAgent);
        return response;
    }

    private void OnNewInvite(SipServerRequest server)
    {
        // A merged request (same Call-ID and From tag as a call in progress, another branch) is refused (§8.2.2.2).
        foreach (SipCall existing in _calls)
        {
            if (existing.Direction == SipCallDirection.Incoming && existing.IsSameOrigin(server.Request))
            {
                server.Respond(482);
                return;
            }
        }

        if (!SipCall.HasSdp(server.Request))
        {
            // An offerless INVITE would need our offer in the 200; the media session only answers.
            server.Respond(server.CreateResponse(488, SipRandom.CreateTag()));
            return;
        }

        SipCall call = SipCall.CreateIncoming(this, server);
        _calls.Add(call);
        call.Ring();
        Post(() => IncomingCall?.Invoke(call));
    }

    private void OnAck(SipMessage ack)
    {
        lock (Gate)
        {
            FindByRequest(ack)?.OnAck(ack);
        }
    }

    private void OnCancel(SipServerRequest invite)
    {
        lock (Gate)
        {
            foreach (SipCall call in _calls)
            {
                if (call.IsInviteOf(invite))
                {
                    call.OnRemoteCancel();
                    return;
                }
            }

            invite.Respond(487, SipRandom.CreateTag());
        }
    }

    private void OnStraySuccess(SipMessage response)
    {
        lock (Gate)
        {
            foreach (SipCall call in _calls)
            {
                if (call.Direction == SipCallDirection.Outgoing && call.OwnsResponse(response))
                {
                    call.OnInviteResponse(response);
                    return;
                }
            }
        }
    }

    private SipCall? FindByRequest(SipMessage request)
    {
        foreach (SipCall call in _calls)
        {
            if (call.Dialog is { } dialog && dialog.MatchesRequest(request))
            {
                return call;
            }
        }

        return null;
    }
}
