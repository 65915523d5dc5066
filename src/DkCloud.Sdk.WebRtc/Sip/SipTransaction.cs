using System;
using System.Threading;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// What the four transaction kinds share: state, the clock, timers and events. Timers run on the injected
/// <see cref="TimeProvider"/>, so tests drive them with a fake clock. Events are raised on the thread that caused
/// them (the receive loop, a timer or the caller) outside the lock; the transaction user dispatches further.
/// </summary>
internal abstract class SipTransaction : IDisposable
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly ITimer?[] _timers = new ITimer?[3];
    private readonly Action<byte[]> _send;
    private Action? _pending;
    private int _depth;

    /// <summary>Creates a transaction.</summary>
    /// <param name="branch">The branch that identifies it (top Via).</param>
    /// <param name="reliable">True over TCP/TLS/WS/WSS: no retransmissions and zero-length wait timers.</param>
    /// <param name="send">Hands bytes to the transport.</param>
    /// <param name="options">T1, T2, T4.</param>
    /// <param name="time">The clock.</param>
    protected SipTransaction(string branch, bool reliable, Action<byte[]> send, SipTimerOptions? options, TimeProvider? time)
    {
        Branch = branch ?? throw new ArgumentNullException(nameof(branch));
        IsReliable = reliable;
        _send = send ?? throw new ArgumentNullException(nameof(send));
        Options = options ?? new SipTimerOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Raised once when the transaction reaches <see cref="SipTransactionState.Terminated"/>.</summary>
    public event Action<SipTransaction>? Terminated;

    /// <summary>Raised when a timer expires without the expected message.</summary>
    public event Action<SipTransaction, SipTransactionTimeout>? TimedOut;

    /// <summary>The branch parameter.</summary>
    public string Branch { get; }

    /// <summary>True over a reliable transport.</summary>
    public bool IsReliable { get; }

    /// <summary>The timer values.</summary>
    public SipTimerOptions Options { get; }

    /// <summary>The current state.</summary>
    public SipTransactionState State { get; private set; }

    /// <summary>Stops every timer and terminates.</summary>
    public void Dispose() => Terminate();

    /// <summary>Sets the initial state (constructors of derived types).</summary>
    protected void Initialize(SipTransactionState state) => State = state;

    /// <summary>Runs <paramref name="action"/> under the transaction lock; events queued inside fire after it.</summary>
    protected void Locked(Action action)
    {
        Action? after = null;
        lock (_gate)
        {
            _depth++;
            try
            {
                action();
            }
            finally
            {
                if (--_depth == 0)
                {
                    after = _pending;
                    _pending = null;
                }
            }
        }

        after?.Invoke();
    }

    /// <summary>Queues a callback to run after the lock is released.</summary>
    protected void Raise(Action callback) => _pending += callback;

    /// <summary>Moves to <paramref name="state"/>; on Terminated, stops timers and queues the event.</summary>
    protected void MoveTo(SipTransactionState state)
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }

        State = state;
        if (state == SipTransactionState.Terminated)
        {
            for (int i = 0; i < _timers.Length; i++)
            {
                StopTimer(i);
            }

            Raise(() => Terminated?.Invoke(this));
        }
    }

    /// <summary>Queues the timeout event and terminates.</summary>
    protected void Fail(SipTransactionTimeout timeout)
    {
        Raise(() => TimedOut?.Invoke(this, timeout));
        MoveTo(SipTransactionState.Terminated);
    }

    /// <summary>Sends bytes (outside no lock needed: the transport must not call back synchronously).</summary>
    protected void Send(byte[] message) => _send(message);

    /// <summary>Starts (or restarts) timer slot <paramref name="slot"/>; the callback runs under the lock.</summary>
    protected void StartTimer(int slot, TimeSpan due, Action onFire)
    {
        StopTimer(slot);
        if (due <= TimeSpan.Zero)
        {
            onFire();
            return;
        }

        ITimer? created = null;
        created = _time.CreateTimer(
            _ =>
            {
                Locked(() =>
                {
                    if (ReferenceEquals(_timers[slot], created) && State != SipTransactionState.Terminated)
                    {
                        _timers[slot] = null;
                        created!.Dispose();
                        onFire();
                    }
                });
            },
            null,
            due,
            Timeout.InfiniteTimeSpan);
        _timers[slot] = created;
    }

    /// <summary>Stops timer slot <paramref name="slot"/>.</summary>
    protected void StopTimer(int slot)
    {
        _timers[slot]?.Dispose();
        _timers[slot] = null;
    }

    /// <summary>The next retransmit interval: doubled, capped at <paramref name="cap"/>.</summary>
    protected static TimeSpan Double(TimeSpan interval, TimeSpan cap)
        => TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, cap.Ticks));

    /// <summary>Terminates now.</summary>
    public void Terminate() => Locked(() => MoveTo(SipTransactionState.Terminated));
}
