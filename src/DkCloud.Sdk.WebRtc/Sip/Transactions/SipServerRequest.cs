using System;

namespace DkCloud.Sdk.WebRtc.Sip.Transactions;

/// <summary>A received request with its server transaction, through which every response to it is sent.</summary>
internal sealed class SipServerRequest
{
    /// <summary>Creates the pair.</summary>
    public SipServerRequest(SipMessage request, SipTransaction transaction)
    {
        Request = request ?? throw new ArgumentNullException(nameof(request));
        Transaction = transaction ?? throw new ArgumentNullException(nameof(transaction));
    }

    /// <summary>The request.</summary>
    public SipMessage Request { get; }

    /// <summary>The server transaction (<see cref="SipServerInviteTransaction"/> or <see cref="SipServerNonInviteTransaction"/>).</summary>
    public SipTransaction Transaction { get; }

    /// <summary>The INVITE transaction, or null for other methods.</summary>
    public SipServerInviteTransaction? InviteTransaction => Transaction as SipServerInviteTransaction;

    /// <summary>True until a final response was sent.</summary>
    public bool IsPending => Transaction.State is SipTransactionState.Trying or SipTransactionState.Proceeding;

    /// <summary>Builds a response (RFC 3261 §8.2.6) with the given To tag.</summary>
    public SipOutgoingMessage CreateResponse(int statusCode, string? toTag = null, string? reasonPhrase = null)
        => SipResponseFactory.Create(Request, statusCode, reasonPhrase, toTag);

    /// <summary>Sends a response; false when a final response was already sent (the response is dropped).</summary>
    public bool Respond(SipOutgoingMessage response)
    {
        if (!IsPending)
        {
            return false;
        }

        if (Transaction is SipServerInviteTransaction invite)
        {
            invite.SendResponse(response);
        }
        else
        {
            ((SipServerNonInviteTransaction)Transaction).SendResponse(response);
        }

        return true;
    }

    /// <summary>Builds and sends a response.</summary>
    public bool Respond(int statusCode, string? toTag = null) => Respond(CreateResponse(statusCode, toTag));
}
