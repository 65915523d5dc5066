using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// The INVITE server transaction (RFC 3261 §17.2.1, Figure 7, with RFC 6026's Accepted state), together with the
/// UAS core's 2xx retransmission (RFC 3261 §13.3.1.4): the 2xx is resent at T1, doubling to T2, until the ACK
/// arrives, on every transport, and a missing ACK after 64×T1 is reported so the dialog can be ended with BYE.
/// Timer G (non-2xx retransmission) runs only over unreliable transports; Timer H (64×T1) always.
/// </summary>
internal sealed class SipServerInviteTransaction : SipTransaction
{
    private const int Retransmission = 0;
    private const int Timeout = 1;
    private const int TimerI = 2;

    private byte[]? _lastResponse;
    private TimeSpan _interval;
    private bool _acknowledged;

    /// <summary>Creates the transaction for a received INVITE.</summary>
    public SipServerInviteTransaction(SipMessage invite, bool reliable, Action<byte[]> send, SipTimerOptions? options = null, TimeProvider? time = null)
        : base(RequestBranch(invite), reliable, send, options, time)
    {
        Initialize(SipTransactionState.Proceeding);
    }

    /// <summary>Raised when the ACK for a 2xx arrives (it belongs to the dialog, RFC 3261 §13.3.1.4).</summary>
    public event Action<SipServerInviteTransaction, SipMessage>? AckReceived;

    /// <summary>Sends a response from the transaction user.</summary>
    public void SendResponse(SipOutgoingMessage response)
    {
        if (response is null || response.StatusCode == 0)
        {
            throw new ArgumentException("A response is required.", nameof(response));
        }

        Locked(() =>
        {
            if (State != SipTransactionState.Proceeding)
            {
                throw new InvalidOperationException("A final response was already sent.");
            }

            byte[] bytes = response.ToArray();
            _lastResponse = bytes;
            Send(bytes);
            int status = response.StatusCode;
            if (status < 200)
            {
                return;
            }

            _interval = Options.T1;
            if (status < 300)
            {
                MoveTo(SipTransactionState.Accepted);
                StartTimer(Retransmission, _interval, RetransmitFinal);
                StartTimer(Timeout, Options.TransactionTimeout, () =>
                {
                    if (_acknowledged)
                    {
                        MoveTo(SipTransactionState.Terminated);
                    }
                    else
                    {
                        Fail(SipTransactionTimeout.AckForSuccess);
                    }
                });
            }
            else
            {
                MoveTo(SipTransactionState.Completed);
                if (!IsReliable)
                {
                    StartTimer(Retransmission, _interval, RetransmitFinal);
                }

                StartTimer(Timeout, Options.TransactionTimeout, () => Fail(SipTransactionTimeout.TimerH));
            }
        });
    }

    /// <summary>Handles a request matched to this transaction: an INVITE retransmission or an ACK.</summary>
    public void OnRequest(SipMessage request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        Locked(() =>
        {
            if (request.Method == SipMethod.Ack)
            {
                if (State == SipTransactionState.Completed)
                {
                    StopTimer(Retransmission);
                    StopTimer(Timeout);
                    MoveTo(SipTransactionState.Confirmed);
                    StartTimer(TimerI, IsReliable ? TimeSpan.Zero : Options.T4, () => MoveTo(SipTransactionState.Terminated));
                }
                else if (State == SipTransactionState.Accepted && !_acknowledged)
                {
                    _acknowledged = true;
                    StopTimer(Retransmission);
                    Raise(() => AckReceived?.Invoke(this, request));
                }

                return;
            }

            // A retransmitted INVITE gets the last response again; in Accepted the 2xx timer does that (RFC 6026 §8.7).
            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && _lastResponse is not null)
            {
                Send(_lastResponse);
            }
        });
    }

    private void RetransmitFinal()
    {
        Send(_lastResponse!);
        _interval = Double(_interval, Options.T2);
        StartTimer(Retransmission, _interval, RetransmitFinal);
    }

    internal static string RequestBranch(SipMessage request)
    {
        if (request is null || !request.IsRequest)
        {
            throw new ArgumentException("A request is required.", nameof(request));
        }

        return request.Vias[0].Branch ?? throw new ArgumentException("The top Via needs a branch.", nameof(request));
    }
}
