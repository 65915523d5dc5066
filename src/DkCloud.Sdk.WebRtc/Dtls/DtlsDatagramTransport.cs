using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using Org.BouncyCastle.Tls;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// BouncyCastle's blocking <see cref="DatagramTransport"/> over an <see cref="IDatagramSender"/> and an inbound queue
/// that the socket's demultiplexer fills with <see cref="Deliver"/>. BouncyCastle's record layer blocks in
/// <see cref="Receive(byte[], int, int, int)"/> with its own retransmission timeouts, so this runs on a dedicated thread.
/// </summary>
/// <remarks>
/// BouncyCastle writes every record as its own datagram; this transport packs the records of a flight into as few
/// datagrams as fit <see cref="IDatagramSender.MaxDatagramSize"/> (as OpenSSL and BoringSSL do, RFC 6347 section 4.1.1)
/// and sends them when BouncyCastle starts waiting for the peer or closes, so one lost datagram costs less of a flight.
/// <see cref="Deliver"/> and <see cref="Close"/> may be called from any thread. The queue is bounded: when the
/// handshake thread falls behind, new datagrams are dropped (DTLS retransmits) and counted.
/// </remarks>
internal sealed class DtlsDatagramTransport : DatagramTransport
{
    /// <summary>Most datagrams held for the DTLS thread.</summary>
    public const int MaxQueued = 128;

    /// <summary>Largest DTLS datagram accepted (an Ethernet MTU's UDP payload).</summary>
    public const int ReceiveLimit = 1500;

    private readonly IDatagramSender _sender;
    private readonly ConcurrentQueue<byte[]> _inbound = new();
    private readonly SemaphoreSlim _available = new(0, int.MaxValue);
    private readonly object _sendGate = new();
    private readonly byte[] _pending;
    private int _pendingLength;
    private int _closed;
    private long _dropped;

    /// <summary>Creates the transport.</summary>
    public DtlsDatagramTransport(IDatagramSender sender)
    {
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _pending = new byte[sender.MaxDatagramSize];
    }

    /// <summary>Datagrams dropped because the queue was full or the transport closed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>True once <see cref="Close"/> ran.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Queues one received DTLS datagram (first byte 20-63) for the DTLS thread; copies it.</summary>
    public void Deliver(ReadOnlySpan<byte> datagram)
    {
        if (IsClosed || datagram.IsEmpty || datagram.Length > ReceiveLimit || _inbound.Count >= MaxQueued)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        _inbound.Enqueue(datagram.ToArray());
        _available.Release();
    }

    /// <inheritdoc />
    public int GetReceiveLimit() => ReceiveLimit;

    /// <inheritdoc />
    public int GetSendLimit() => _sender.MaxDatagramSize;

    /// <inheritdoc />
    public int Receive(byte[] buf, int off, int len, int waitMillis)
    {
        if (IsClosed)
        {
            throw new IOException("The DTLS transport is closed.");
        }

        Flush();
        int wait = waitMillis <= 0 ? Timeout.Infinite : waitMillis;
        if (!_available.Wait(wait))
        {
            return -1;
        }

        if (IsClosed || !_inbound.TryDequeue(out byte[]? datagram))
        {
            throw new IOException("The DTLS transport is closed.");
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

    /// <summary>Stops the transport: a blocked <see cref="Receive(byte[], int, int, int)"/> wakes and throws.</summary>
    public void Close()
    {
        Flush();
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _available.Release();
        }
    }

    /// <summary>Appends a record to the pending datagram, sending the pending one first when the record does not fit.</summary>
    private void Queue(ReadOnlySpan<byte> record)
    {
        lock (_sendGate)
        {
            if (_pendingLength + record.Length > _pending.Length)
            {
                FlushLocked();
            }

            if (record.Length >= _pending.Length)
            {
                _sender.Send(record);
                return;
            }

            record.CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += record.Length;
        }
    }

    /// <summary>Sends the records packed so far.</summary>
    private void Flush()
    {
        lock (_sendGate)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (_pendingLength > 0)
        {
            _sender.Send(_pending.AsSpan(0, _pendingLength));
            _pendingLength = 0;
        }
    }
}
