using System;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>One outstanding TURN request: its bytes, send count, retransmission timer and the raw response.</summary>
internal sealed class TurnTransaction
{
    /// <summary>Creates the transaction.</summary>
    public TurnTransaction((ulong, uint) key, byte[] request)
    {
        Key = key;
        Request = request;
    }

    /// <summary>The transaction id as a dictionary key.</summary>
    public (ulong, uint) Key { get; }

    /// <summary>The encoded request, resent unchanged.</summary>
    public byte[] Request { get; }

    /// <summary>Requests sent so far.</summary>
    public int Sent { get; set; }

    /// <summary>The retransmission timer.</summary>
    public ITimer? Timer { get; set; }

    /// <summary>Completes with the response bytes; continuations never run on the receive loop or a timer.</summary>
    public TaskCompletionSource<byte[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ends the transaction with <paramref name="exception"/> (first outcome wins) and stops its timer.</summary>
    public void Fail(Exception exception)
    {
        if (Completion.TrySetException(exception))
        {
            Timer?.Dispose();
        }
    }

    /// <summary>Ends the transaction with a response (first outcome wins) and stops its timer.</summary>
    public void Complete(byte[] response)
    {
        if (Completion.TrySetResult(response))
        {
            Timer?.Dispose();
        }
    }
}
