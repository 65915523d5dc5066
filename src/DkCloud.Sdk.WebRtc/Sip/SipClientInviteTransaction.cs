using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// The INVITE client transaction (RFC 3261 §17.1.1, Figure 5, with the Accepted state of RFC 6026). Timer A
/// retransmits only over unreliable transports; Timer B (64×T1) applies to every transport. A non-2xx final
/// response is acknowledged by the transaction; 2xx responses, retransmissions included, go to the transaction user,
/// which sends the ACK (RFC 3261 §13.2.2.4).
/// </summary>
internal sealed class SipClientInviteTransaction : SipTransaction
{
    private const int TimerA = 0;
    private const int TimerB = 1;
    private const int TimerDOrM = 2;

    private readonly SipOutgoingMessage _invite;
    private readonly byte[] _bytes;
    private TimeSpan _interval;

    /// <summary>Creates the transaction for <paramref name="invite"/>; call <see cref="Start"/> to send it.</summary>
    public SipClientInviteTransaction(SipOutgoingMessage invite, bool reliable, Action<byte[]> send, SipTimerOptions? options = null, TimeProvider? time = null)
        : base(TopBranch(invite), reliable, send, options, time)
    {
        _invite = invite;
        _bytes = invite.ToArray();
        Initialize(SipTransactionState.Calling);
    }

    /// <summary>Raised for each response the transaction user must see (provisional, 2xx and the first non-2xx final).</summary>
    public event Action<SipClientInviteTransaction, SipMessage>? ResponseReceived;

    /// <summary>Sends the INVITE and starts Timers A and B.</summary>
    public void Start() => Locked(() =>
    {
        Send(_bytes);
        _interval = Options.T1;
        if (!IsReliable)
        {
            StartTimer(TimerA, _interval, Retransmit);
        }

        StartTimer(TimerB, Options.TransactionTimeout, () => Fail(SipTransactionTimeout.TimerB));
    });

    /// <summary>Handles a response matched to this transaction (same top Via branch, CSeq method INVITE).</summary>
    public void OnResponse(SipMessage response)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        Locked(() =>
        {
            int status = response.StatusCode;
            switch (State)
            {
                case SipTransactionState.Calling:
                case SipTransactionState.Proceeding:
                    Raise(() => ResponseReceived?.Invoke(this, response));
                    StopTimer(TimerA);
                    if (status < 200)
                    {
                        MoveTo(SipTransactionState.Proceeding);
                    }
                    else if (status < 300)
                    {
                        StopTimer(TimerB);
                        MoveTo(SipTransactionState.Accepted);
                        StartTimer(TimerDOrM, Options.TransactionTimeout, () => MoveTo(SipTransactionState.Terminated));
                    }
                    else
                    {
                        StopTimer(TimerB);
                        MoveTo(SipTransactionState.Completed);
                        SendAck(response);
                        StartTimer(TimerDOrM, IsReliable ? TimeSpan.Zero : Options.TimerD, () => MoveTo(SipTransactionState.Terminated));
                    }

                    break;
                case SipTransactionState.Accepted when status is >= 200 and < 300:
                    Raise(() => ResponseReceived?.Invoke(this, response));
                    break;
                case SipTransactionState.Completed when status >= 300:
                    SendAck(response);
                    break;
            }
        });
    }

    private void Retransmit()
    {
        if (State != SipTransactionState.Calling)
        {
            return;
        }

        Send(_bytes);
        _interval = TimeSpan.FromTicks(_interval.Ticks * 2);
        StartTimer(TimerA, _interval, Retransmit);
    }

    private void SendAck(SipMessage response) => Send(SipRequestFactory.CreateAckForFailure(_invite, response).ToArray());

    private static string TopBranch(SipOutgoingMessage request)
    {
        string via = request?.Get(SipHeaderName.Via) ?? throw new ArgumentException("The request needs a Via.", nameof(request));
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(via);
        var reader = new SipValueReader(bytes, new SipSegment(0, bytes.Length));
        return SipVia.Read(ref reader).Branch ?? throw new ArgumentException("The Via needs a branch.", nameof(request));
    }

    internal static string BranchOf(SipOutgoingMessage request) => TopBranch(request);
}
