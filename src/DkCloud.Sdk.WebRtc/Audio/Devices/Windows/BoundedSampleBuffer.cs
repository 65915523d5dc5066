using System;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// A fixed-size ring of mono samples between a sound device's thread and the call's media thread. A write that does
/// not fit drops the oldest samples, so the delay through the buffer never exceeds its capacity; a read that finds
/// too little gives silence. Both are counted.
/// </summary>
/// <remarks>Thread-safe: one writer and one reader may run at the same time. Never allocates after construction.</remarks>
internal sealed class BoundedSampleBuffer
{
    private readonly object _gate = new();
    private readonly short[] _ring;
    private int _head;
    private int _count;
    private long _written;
    private long _read;
    private long _dropped;
    private long _missing;
    private long _overflows;
    private long _underruns;

    /// <summary>Creates a buffer of <paramref name="capacity"/> samples.</summary>
    public BoundedSampleBuffer(int capacity)
    {
        if (capacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "The capacity must be positive.");
        }

        _ring = new short[capacity];
    }

    /// <summary>Samples the buffer holds at most.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Samples held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Samples written so far, dropped ones included.</summary>
    public long SamplesWritten => Snapshot(ref _written);

    /// <summary>Samples read out so far (silence given for missing samples not included).</summary>
    public long SamplesRead => Snapshot(ref _read);

    /// <summary>Oldest samples dropped because a write did not fit.</summary>
    public long SamplesDropped => Snapshot(ref _dropped);

    /// <summary>Samples given as silence because the buffer ran dry.</summary>
    public long SamplesMissing => Snapshot(ref _missing);

    /// <summary>Writes that dropped samples.</summary>
    public long Overflows => Snapshot(ref _overflows);

    /// <summary>Reads that found too little.</summary>
    public long Underruns => Snapshot(ref _underruns);

    /// <summary>Appends <paramref name="samples"/>, dropping the oldest samples held when they do not fit.</summary>
    /// <returns>Samples dropped.</returns>
    public int Write(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        lock (_gate)
        {
            _written += samples.Length;
            int capacity = _ring.Length;
            int dropped = Math.Max(0, _count + samples.Length - capacity);
            if (samples.Length > capacity)
            {
                samples = samples.Slice(samples.Length - capacity);
            }

            int drop = Math.Max(0, _count + samples.Length - capacity);
            _head = (_head + drop) % capacity;
            _count -= drop;
            int tail = (_head + _count) % capacity;
            int first = Math.Min(samples.Length, capacity - tail);
            samples.Slice(0, first).CopyTo(_ring.AsSpan(tail));
            samples.Slice(first).CopyTo(_ring);
            _count += samples.Length;
            if (dropped > 0)
            {
                _dropped += dropped;
                _overflows++;
            }

            return dropped;
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with the oldest samples held and the rest with silence.
    /// </summary>
    /// <returns>Samples taken from the buffer.</returns>
    public int Read(Span<short> destination)
    {
        lock (_gate)
        {
            int taken = Math.Min(_count, destination.Length);
            Take(destination.Slice(0, taken));
            if (taken < destination.Length)
            {
                destination.Slice(taken).Clear();
                _missing += destination.Length - taken;
                _underruns++;
            }

            return taken;
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> when the buffer holds enough; otherwise takes nothing, gives silence and
    /// counts the whole length as missing.
    /// </summary>
    /// <returns>True when <paramref name="destination"/> holds buffered samples.</returns>
    public bool TryReadExactly(Span<short> destination)
    {
        lock (_gate)
        {
            if (_count >= destination.Length)
            {
                Take(destination);
                return true;
            }

            destination.Clear();
            if (!destination.IsEmpty)
            {
                _missing += destination.Length;
                _underruns++;
            }

            return false;
        }
    }

    /// <summary>Drops everything held, without counting it as dropped.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _head = 0;
            _count = 0;
        }
    }

    private void Take(Span<short> destination)
    {
        int capacity = _ring.Length;
        int first = Math.Min(destination.Length, capacity - _head);
        _ring.AsSpan(_head, first).CopyTo(destination);
        _ring.AsSpan(0, destination.Length - first).CopyTo(destination.Slice(first));
        _head = (_head + destination.Length) % capacity;
        _count -= destination.Length;
        _read += destination.Length;
    }

    private long Snapshot(ref long counter)
    {
        lock (_gate)
        {
            return counter;
        }
    }
}
