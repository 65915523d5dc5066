using System;
using System.Buffers.Binary;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>One outstanding request of <see cref="StunBindingClient"/>: its bytes, destination, send count, timer and result.</summary>
internal sealed class StunClientTransaction
{
    /// <summary>Creates the transaction.</summary>
    public StunClientTransaction(byte[] request, IPEndPoint server, StunRetransmissionOptions options)
    {
        Request = request;
        Server = server;
        Options = options;
    }

    /// <summary>The encoded request, resent unchanged.</summary>
    public byte[] Request { get; }

    /// <summary>Where the request goes.</summary>
    public IPEndPoint Server { get; }

    /// <summary>Retransmission settings.</summary>
    public StunRetransmissionOptions Options { get; }

    /// <summary>Requests sent so far.</summary>
    public int Sent { get; set; }

    /// <summary>The retransmission timer.</summary>
    public ITimer? Timer { get; set; }

    /// <summary>Completes with the mapped address; continuations never run on the receive loop or a timer.</summary>
    public TaskCompletionSource<IPEndPoint> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Dictionary key from the 12-byte transaction id.</summary>
    public static (ulong, uint) KeyOf(ReadOnlySpan<byte> transactionId) =>
        (BinaryPrimitives.ReadUInt64BigEndian(transactionId), BinaryPrimitives.ReadUInt32BigEndian(transactionId.Slice(8)));

    /// <summary>Fails the transaction (first outcome wins) and stops its timer.</summary>
    public void Fail(Exception exception)
    {
        if (Completion.TrySetException(exception))
        {
            Timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }
}
