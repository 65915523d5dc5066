using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// The non-INVITE client transaction (RFC 3261 §17.1.2, Figure 6). Timer E retransmits only over unreliable
/// transports (T1 doubling to T2, then T2 once a provisional arrived); Timer F (64×T1) applies to every transport.
/// </summary>
internal sealed class SipClientNonInviteTransaction : SipTransaction
{
    private const int TimerE = 0;
    private const int TimerF = 1;
    private const int TimerK = 2;

    private readonly byte[] _bytes;
    private TimeSpan _interval;

    /// <summary>Creates the transaction for <paramref name="request"/>; call <see cref="Start"/> to send it.</summary>
    public SipClientNonInviteTransaction(SipOutgoingMessage request, bool reliable, Action<byte[]> send, SipTimerOptions? options = null, TimeProvider? time = null)
        : base(SipClientInviteTransaction.BranchOf(request), reliable, send, options, time)
    {
        _bytes = request.ToArray();
        Initialize(SipTransactionState.Trying);
    }

    /// <summary>Raised for each provisional response and for the final response.</summary>
    public event Action<SipClientNonInviteTransaction, SipMessage>? ResponseReceived;

    /// <summary>Sends the request and starts Timers E and F.</summary>
    public void Start() => Locked(() =>
    {
        Send(_bytes);
        _interval = Options.T1;
        if (!IsReliable)
        {
            StartTimer(TimerE, _interval, Retransmit);
        }

        StartTimer(TimerF, Options.TransactionTimeout, () => Fail(SipTransactionTimeout.TimerF));
    });

    /// <summary>Handles a response matched to this transaction.</summary>
    public void OnResponse(SipMessage response)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        Locked(() =>
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }

            Raise(() => ResponseReceived?.Invoke(this, response));
            if (response.StatusCode < 200)
            {
                MoveTo(SipTransactionState.Proceeding);
            }
            else
            {
                StopTimer(TimerE);
                StopTimer(TimerF);
                MoveTo(SipTransactionState.Completed);
                StartTimer(TimerK, IsReliable ? TimeSpan.Zero : Options.T4, () => MoveTo(SipTransactionState.Terminated));
            }
        });
    }

    private void Retransmit()
    {
        Send(_bytes);
        _interval = State == SipTransactionState.Proceeding ? Options.T2 : Double(_interval, Options.T2);
        StartTimer(TimerE, _interval, Retransmit);
    }
}
