using System;

namespace DkCloud.Emulator.Media;

/// <summary>
/// A bounded FIFO of 8 kHz samples from one talker to one listener. When the talker runs ahead of the listener the
/// oldest samples go, so the delay through the bridge never exceeds <see cref="Capacity"/> samples (200 ms).
/// </summary>
internal sealed class FrameQueue
{
    public const int Capacity = 1600;
    private readonly short[] _ring = new short[Capacity];
    private int _start;
    private int _count;

    public int Count => _count;

    public void Write(ReadOnlySpan<short> samples)
    {
        foreach (var sample in samples)
        {
            if (_count == Capacity)
            {
                _start = (_start + 1) % Capacity;
                _count--;
            }

            _ring[(_start + _count) % Capacity] = sample;
            _count++;
        }
    }

    /// <summary>Adds up to <paramref name="mix"/>.Length queued samples into <paramref name="mix"/>; missing ones are silence.</summary>
    public void MixInto(Span<int> mix)
    {
        var take = Math.Min(mix.Length, _count);
        for (var i = 0; i < take; i++)
        {
            mix[i] += _ring[(_start + i) % Capacity];
        }

        _start = (_start + take) % Capacity;
        _count -= take;
    }
}
