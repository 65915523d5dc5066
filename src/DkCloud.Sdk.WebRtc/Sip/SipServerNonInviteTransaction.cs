using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// The non-INVITE server transaction (RFC 3261 §17.2.2, Figure 8). Retransmitted requests get the last response
/// again; Timer J keeps the Completed state 64×T1 over unreliable transports and ends it at once over reliable ones.
/// </summary>
internal sealed class SipServerNonInviteTransaction : SipTransaction
{
    private const int TimerJ = 0;

    private byte[]? _lastResponse;

    /// <summary>Creates the transaction for a received non-INVITE request.</summary>
    public SipServerNonInviteTransaction(SipMessage request, bool reliable, Action<byte[]> send, SipTimerOptions? options = null, TimeProvider? time = null)
        : base(SipServerInviteTransaction.RequestBranch(request), reliable, send, options, time)
    {
        Initialize(SipTransactionState.Trying);
    }

    /// <summary>Sends a response from the transaction user.</summary>
    public void SendResponse(SipOutgoingMessage response)
    {
        if (response is null || response.StatusCode == 0)
        {
            throw new ArgumentException("A response is required.", nameof(response));
        }

        Locked(() =>
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                throw new InvalidOperationException("A final response was already sent.");
            }

            _lastResponse = response.ToArray();
            Send(_lastResponse);
            if (response.StatusCode < 200)
            {
                MoveTo(SipTransactionState.Proceeding);
                return;
            }

            MoveTo(SipTransactionState.Completed);
            StartTimer(TimerJ, IsReliable ? TimeSpan.Zero : Options.TransactionTimeout, () => MoveTo(SipTransactionState.Terminated));
        });
    }

    /// <summary>Handles a retransmission of the request.</summary>
    public void OnRequest(SipMessage request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        Locked(() =>
        {
            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && _lastResponse is not null)
            {
                Send(_lastResponse);
            }
        });
    }
}
