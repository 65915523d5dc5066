using System;
using System.Threading;
using DkCloud.Sdk.WebRtc.Dtls;

namespace DkCloud.Sdk.WebRtc.Tests.Dtls;

/// <summary>One end of an in-memory datagram link that delivers to a callback, dropping a share of datagrams at random.</summary>
internal sealed class InMemoryDatagramLink : IDatagramSender
{
    private readonly Random _random;
    private readonly double _loss;
    private long _sent;
    private long _dropped;

    public InMemoryDatagramLink(double loss, int seed)
    {
        _loss = loss;
        _random = new Random(seed);
    }

    /// <summary>Where datagrams go (the other end's DTLS transport).</summary>
    public Action<byte[]>? Receiver { get; set; }

    public int MaxDatagramSize => 1200;

    public long Sent => Interlocked.Read(ref _sent);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Send(ReadOnlySpan<byte> datagram)
    {
        Interlocked.Increment(ref _sent);
        bool drop;
        lock (_random)
        {
            drop = _random.NextDouble() < _loss;
        }

        if (drop)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        Receiver?.Invoke(datagram.ToArray());
    }
}
