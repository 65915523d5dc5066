using System;
using System.Threading;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// The handshake retransmission timer of RFC 6347 section 4.2.4.1 on a <see cref="TimeProvider"/>: each new flight
/// waits the initial timeout, each retransmission the timer caused doubles it, up to 60 s. A flight repeated because
/// the peer repeated its own restarts the timer with the current value.
/// </summary>
/// <remarks>
/// <see cref="OnSent"/> and <see cref="TryConsumeExpiry"/> run on the DTLS thread; the expiry callback runs on the
/// provider's timer thread (with a fake provider, inside its Advance call), marks the flight expired and only then
/// wakes the transport, holding no lock, so a waiter that checks the mark before sleeping cannot miss the wake-up.
/// An expiry of an earlier flight's timer is ignored.
/// </remarks>
internal sealed class DtlsRetransmissionTimer : IDisposable
{
    /// <summary>The longest retransmission timeout (RFC 6347 section 4.2.4.1, after RFC 6298).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(60);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _initial;
    private readonly Action _expired;
    private ITimer? _timer;
    private long _generation;
    private long _expiredGeneration = -1;
    private bool _awaitingRetransmission;
    private bool _stopped;
    private TimeSpan _timeout;
    private int _flight;
    private int _attempt;
    private int _timerRetransmissions;

    /// <summary>Creates the timer; <paramref name="expired"/> runs when a flight's wait runs out.</summary>
    public DtlsRetransmissionTimer(TimeProvider timeProvider, TimeSpan initialTimeout, Action expired)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _initial = initialTimeout;
        _timeout = initialTimeout;
        _expired = expired ?? throw new ArgumentNullException(nameof(expired));
    }

    /// <summary>Flights this endpoint has sent (not counting retransmissions).</summary>
    public int Flights
    {
        get
        {
            lock (_gate)
            {
                return _flight;
            }
        }
    }

    /// <summary>Retransmissions the timer caused, over all flights.</summary>
    public int TimerRetransmissions
    {
        get
        {
            lock (_gate)
            {
                return _timerRetransmissions;
            }
        }
    }

    /// <summary>True after <see cref="TryConsumeExpiry"/> until the next batch is sent: BouncyCastle owes a retransmission.</summary>
    public bool AwaitingRetransmission
    {
        get
        {
            lock (_gate)
            {
                return _awaitingRetransmission;
            }
        }
    }

    /// <summary>True once when the current flight's wait has run out; the next batch then counts as caused by the timer.</summary>
    public bool TryConsumeExpiry()
    {
        lock (_gate)
        {
            if (_expiredGeneration != _generation)
            {
                return false;
            }

            _expiredGeneration = -1;
            _awaitingRetransmission = true;
            return true;
        }
    }

    /// <summary>
    /// Restarts the timer for a batch of handshake records about to be sent and returns what to report: null for a new
    /// flight (or no flight), the retransmission otherwise.
    /// </summary>
    public DtlsRetransmissionEventArgs? OnSent(DtlsFlightKind kind)
    {
        if (kind == DtlsFlightKind.None)
        {
            return null;
        }

        DtlsRetransmissionEventArgs? retransmission = null;
        TimeSpan wait;
        long generation;
        lock (_gate)
        {
            if (_stopped)
            {
                // After the handshake: the final flight repeated for a peer that repeated its own.
                if (kind == DtlsFlightKind.New || _flight == 0)
                {
                    _flight++;
                    _attempt = 0;
                    return null;
                }

                _attempt++;
                return new DtlsRetransmissionEventArgs(_flight, _attempt, TimeSpan.Zero, _time.GetUtcNow());
            }

            if (kind == DtlsFlightKind.New || _flight == 0)
            {
                _flight++;
                _attempt = 0;
                _timeout = _initial;
            }
            else
            {
                _attempt++;
                TimeSpan expired = TimeSpan.Zero;
                if (_awaitingRetransmission)
                {
                    expired = _timeout;
                    _timeout = Double(_timeout);
                    _timerRetransmissions++;
                }

                retransmission = new DtlsRetransmissionEventArgs(_flight, _attempt, expired, _time.GetUtcNow());
            }

            _awaitingRetransmission = false;
            wait = _timeout;
            generation = ++_generation;
        }

        Arm(wait, generation);
        return retransmission;
    }

    /// <summary>Stops the timer for good (the handshake ended); later batches are still counted, never timed.</summary>
    public void Stop()
    {
        ITimer? timer;
        lock (_gate)
        {
            _stopped = true;
            _generation++;
            timer = _timer;
            _timer = null;
        }

        timer?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    /// <summary>Doubles a timeout, capped at <see cref="MaxTimeout"/>.</summary>
    internal static TimeSpan Double(TimeSpan timeout) => timeout >= TimeSpan.FromTicks(MaxTimeout.Ticks / 2) ? MaxTimeout : TimeSpan.FromTicks(timeout.Ticks * 2);

    private void Arm(TimeSpan wait, long generation)
    {
        // Created outside the lock: a provider may run an expired callback from inside CreateTimer or Advance.
        ITimer timer = _time.CreateTimer(
            static s =>
            {
                var state = (Tuple<DtlsRetransmissionTimer, long>)s!;
                state.Item1.OnTimer(state.Item2);
            },
            Tuple.Create(this, generation),
            wait,
            Timeout.InfiniteTimeSpan);
        ITimer? old;
        lock (_gate)
        {
            if (_generation != generation)
            {
                old = timer;
            }
            else
            {
                old = _timer;
                _timer = timer;
            }
        }

        old?.Dispose();
    }

    private void OnTimer(long generation)
    {
        lock (_gate)
        {
            if (_generation != generation)
            {
                return;
            }

            _expiredGeneration = generation;
        }

        _expired();
    }
}
