using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

/// <summary>An in-memory one-way link on a fake clock: seeded random loss, delay (hence reordering) and duplication.</summary>
internal sealed class LossyLink
{
    private readonly Random _random;
    private readonly double _loss;
    private readonly int _minDelayMs;
    private readonly int _maxDelayMs;
    private readonly double _duplicate;
    private readonly List<(long DueMs, long Order, byte[] Packet)> _inFlight = new();
    private readonly List<bool> _lost = new();
    private long _order;
    private long _lastDelivered = -1;

    public LossyLink(int seed, double loss, int minDelayMs, int maxDelayMs, double duplicate = 0)
    {
        _random = new Random(seed);
        _loss = loss;
        _minDelayMs = minDelayMs;
        _maxDelayMs = maxDelayMs;
        _duplicate = duplicate;
    }

    public int Sent { get; private set; }

    public int Dropped { get; private set; }

    public int Reordered { get; private set; }

    public void Send(ReadOnlyMemory<byte> packet, long nowMs)
    {
        Sent++;
        bool lost = _random.NextDouble() < _loss;
        _lost.Add(lost);
        if (lost)
        {
            Dropped++;
            return;
        }

        Enqueue(packet.ToArray(), nowMs);
        if (_random.NextDouble() < _duplicate)
        {
            Enqueue(packet.ToArray(), nowMs);
        }
    }

    /// <summary>Losses of one packet between two that arrived: what Opus in-band FEC can rebuild.</summary>
    public int SingleLosses()
    {
        int count = 0;
        for (int i = 1; i < _lost.Count - 1; i++)
        {
            if (_lost[i] && !_lost[i - 1] && !_lost[i + 1])
            {
                count++;
            }
        }

        return count;
    }

    public void Deliver(long nowMs, Action<byte[]> receive)
    {
        _inFlight.Sort((a, b) => a.DueMs != b.DueMs ? a.DueMs.CompareTo(b.DueMs) : a.Order.CompareTo(b.Order));
        while (_inFlight.Count > 0 && _inFlight[0].DueMs <= nowMs)
        {
            (long _, long order, byte[] packet) = _inFlight[0];
            _inFlight.RemoveAt(0);
            if (order < _lastDelivered)
            {
                Reordered++;
            }

            _lastDelivered = Math.Max(_lastDelivered, order);
            receive(packet);
        }
    }

    private void Enqueue(byte[] packet, long nowMs)
        => _inFlight.Add((nowMs + _random.Next(_minDelayMs, _maxDelayMs + 1), _order++, packet));
}
