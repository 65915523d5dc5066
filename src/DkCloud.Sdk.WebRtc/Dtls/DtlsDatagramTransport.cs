using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Org.BouncyCastle.Tls;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// BouncyCastle's <see cref="DatagramTransport"/> over an <see cref="IDatagramSender"/> and an inbound queue that the
/// socket's demultiplexer fills with <see cref="Deliver"/>. During the handshake BouncyCastle blocks in
/// <see cref="Receive(byte[], int, int, int)"/>, so the handshake runs on a dedicated thread; the wait ends when a
/// datagram arrives or when the flight's retransmission timer, on the <see cref="TimeProvider"/>, runs out. After
/// <see cref="EndHandshake"/> a receive never waits: it hands over a queued datagram or, when none is left, throws
/// <see cref="DtlsInboundDrained"/>, so whoever delivered a datagram can have BouncyCastle process it on its own thread
/// and no thread stays parked for the rest of the association.
/// </summary>
/// <remarks>
/// <para>
/// BouncyCastle 2.7 keeps its own retransmission timeout on the wall clock and cannot be told the time: a
/// <c>Receive</c> that returns "nothing yet" (-1) before that timeout has passed is simply called again for the rest of
/// it, and only a -1 after it makes BouncyCastle send its flight again. So the provider's timer decides when a wait
/// may end, and once it has, the rest of BouncyCastle's own wait (if any) is waited out on the wall clock. With the
/// system clock both agree (BouncyCastle is given the same initial timeout); a test that drives a fake clock makes
/// BouncyCastle's timeout a few milliseconds (<see cref="DtlsSrtpOptions.EngineRetransmissionTimeout"/>).
/// </para>
/// <para>
/// BouncyCastle writes every record as its own datagram; this transport packs the records of a flight into as few
/// datagrams as fit <see cref="IDatagramSender.MaxDatagramSize"/> (as OpenSSL and BoringSSL do, RFC 6347 section 4.1.1)
/// and sends them when BouncyCastle starts waiting for the peer or closes, so one lost datagram costs less of a flight.
/// The timer is restarted before the flight goes out; the datagrams are sent outside the transport's locks, because a
/// link that delivers synchronously (an in-memory test link) may run the peer's processing, and its answer, on the
/// sending thread. <see cref="Deliver"/> and <see cref="Close"/> may be called from any thread. The queue is bounded:
/// when processing falls behind, new datagrams are dropped (DTLS retransmits) and counted.
/// </para>
/// </remarks>
internal sealed class DtlsDatagramTransport : DatagramTransport
{
    /// <summary>Most datagrams held for the DTLS thread.</summary>
    public const int MaxQueued = 128;

    /// <summary>Largest DTLS datagram accepted (an Ethernet MTU's UDP payload).</summary>
    public const int ReceiveLimit = 1500;

    private readonly IDatagramSender _sender;
    private readonly TimeProvider _time;
    private readonly DtlsRetransmissionTimer _timer;
    private readonly DtlsFlightClassifier _classifier = new();
    private readonly object _gate = new();
    private readonly Queue<byte[]> _inbound = new();
    private readonly object _sendGate = new();
    private readonly List<byte[]> _ready = new();
    private readonly byte[] _pending;
    private int _pendingLength;
    private bool _handshaking = true;
    private int _closed;
    private long _dropped;

    /// <summary>Creates the transport.</summary>
    /// <param name="sender">Sends datagrams to the peer.</param>
    /// <param name="timeProvider">The clock of the retransmission timer.</param>
    /// <param name="initialRetransmissionTimeout">The first wait of each flight (RFC 6347: 1 s).</param>
    public DtlsDatagramTransport(IDatagramSender sender, TimeProvider timeProvider, TimeSpan initialRetransmissionTimeout)
    {
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _pending = new byte[sender.MaxDatagramSize];
        _timer = new DtlsRetransmissionTimer(_time, initialRetransmissionTimeout, Wake);
    }

    /// <summary>Raised on the DTLS thread when a flight is about to be sent again; must return quickly.</summary>
    public event Action<DtlsRetransmissionEventArgs>? Retransmitting;

    /// <summary>Datagrams dropped because the queue was full or the transport closed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>True once <see cref="Close"/> ran.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Handshake flights sent, not counting retransmissions.</summary>
    public int Flights => _timer.Flights;

    /// <summary>Flights sent again because the retransmission timer ran out.</summary>
    public int TimerRetransmissions => _timer.TimerRetransmissions;

    /// <summary>True when a delivered datagram waits for BouncyCastle (and the transport is open).</summary>
    public bool HasInbound
    {
        get
        {
            lock (_gate)
            {
                return !IsClosed && _inbound.Count > 0;
            }
        }
    }

    /// <summary>Queues one received DTLS datagram (first byte 20-63) for BouncyCastle; copies it.</summary>
    public void Deliver(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty || datagram.Length > ReceiveLimit)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        lock (_gate)
        {
            if (IsClosed || _inbound.Count >= MaxQueued)
            {
                Interlocked.Increment(ref _dropped);
                return;
            }

            _inbound.Enqueue(datagram.ToArray());
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// The handshake is over: sends what is left of the last flight and stops the retransmission timer. From now on a
    /// receive does not wait (see <see cref="DtlsInboundDrained"/>).
    /// </summary>
    public void EndHandshake()
    {
        lock (_gate)
        {
            _handshaking = false;
        }

        _timer.Stop();
        Flush();
    }

    /// <inheritdoc />
    public int GetReceiveLimit() => ReceiveLimit;

    /// <inheritdoc />
    public int GetSendLimit() => _sender.MaxDatagramSize;

    /// <inheritdoc />
    public int Receive(byte[] buf, int off, int len, int waitMillis)
    {
        Flush();
        byte[]? datagram;
        lock (_gate)
        {
            datagram = _handshaking ? WaitLocked(waitMillis) : TakeLocked();
        }

        if (datagram is null)
        {
            return -1;
        }

        int count = Math.Min(len, datagram.Length);
        Buffer.BlockCopy(datagram, 0, buf, off, count);
        return count;
    }

    /// <inheritdoc />
    public void Send(byte[] buf, int off, int len)
    {
        if (IsClosed)
        {
            throw new IOException("The DTLS transport is closed.");
        }

        Queue(new ReadOnlySpan<byte>(buf, off, len));
    }

#if NET6_0_OR_GREATER
    /// <inheritdoc />
    public int Receive(Span<byte> buffer, int waitMillis)
    {
        byte[] temporary = new byte[buffer.Length];
        int count = Receive(temporary, 0, temporary.Length, waitMillis);
        if (count > 0)
        {
            temporary.AsSpan(0, count).CopyTo(buffer);
        }

        return count;
    }

    /// <inheritdoc />
    public void Send(ReadOnlySpan<byte> buffer)
    {
        if (IsClosed)
        {
            throw new IOException("The DTLS transport is closed.");
        }

        Queue(buffer);
    }
#endif

    /// <summary>
    /// Stops the transport and sends what is pending (a close_notify): a blocked
    /// <see cref="Receive(byte[], int, int, int)"/> wakes and throws. It is closed before that last send, so an answer
    /// that comes straight back (the peer's own close_notify) is dropped, not processed while this side closes.
    /// </summary>
    public void Close()
    {
        bool first = Interlocked.Exchange(ref _closed, 1) == 0;
        Flush();
        if (first)
        {
            _timer.Stop();
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>
    /// Waits for a datagram. During the handshake, -1 (null) once the flight's timer ran out; if BouncyCastle asks
    /// again before sending the flight, its own wall-clock wait is not over yet, and the rest of it is waited here.
    /// </summary>
    private byte[]? WaitLocked(int waitMillis)
    {
        bool engineWait = _handshaking && _timer.AwaitingRetransmission;
        while (true)
        {
            if (IsClosed)
            {
                throw new IOException("The DTLS transport is closed.");
            }

            if (_inbound.Count > 0)
            {
                return _inbound.Dequeue();
            }

            if (engineWait)
            {
                // BouncyCastle's own retransmission wait, measured on the wall clock by BouncyCastle itself.
                if (!Monitor.Wait(_gate, waitMillis > 0 ? waitMillis : Timeout.Infinite) || (_inbound.Count == 0 && !IsClosed))
                {
                    return null;
                }

                continue;
            }

            if (_handshaking && _timer.TryConsumeExpiry())
            {
                return null;
            }

            Monitor.Wait(_gate);
        }
    }

    /// <summary>After the handshake: the next queued datagram, or the signal that every delivered one has been processed.</summary>
    private byte[] TakeLocked()
    {
        if (IsClosed || _inbound.Count == 0)
        {
            throw new DtlsInboundDrained();
        }

        return _inbound.Dequeue();
    }

    private void Wake()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Appends a record to the pending datagram, setting the pending one aside first when the record does not fit.</summary>
    private void Queue(ReadOnlySpan<byte> record)
    {
        lock (_sendGate)
        {
            _classifier.Observe(record);
            if (_pendingLength + record.Length > _pending.Length)
            {
                SetPendingAsideLocked();
            }

            if (record.Length >= _pending.Length)
            {
                _ready.Add(record.ToArray());
                return;
            }

            record.CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += record.Length;
        }
    }

    /// <summary>Restarts the retransmission timer for a handshake flight, then sends the records packed so far.</summary>
    private void Flush()
    {
        byte[][] datagrams;
        lock (_sendGate)
        {
            SetPendingAsideLocked();
            if (_ready.Count == 0)
            {
                return;
            }

            DtlsRetransmissionEventArgs? retransmission = _timer.OnSent(_classifier.TakeBatch());
            if (retransmission is not null)
            {
                Retransmitting?.Invoke(retransmission);
            }

            datagrams = _ready.ToArray();
            _ready.Clear();
        }

        foreach (byte[] datagram in datagrams)
        {
            _sender.Send(datagram);
        }
    }

    private void SetPendingAsideLocked()
    {
        if (_pendingLength > 0)
        {
            _ready.Add(_pending.AsSpan(0, _pendingLength).ToArray());
            _pendingLength = 0;
        }
    }
}
