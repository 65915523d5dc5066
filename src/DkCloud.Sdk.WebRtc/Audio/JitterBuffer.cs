using System;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>
/// Adaptive jitter buffer of one received audio stream. Packets go in by RTP timestamp (extended across wraps) as
/// they arrive; 20 ms frames come out at the caller's fixed cadence (<see cref="Pull"/>). The playout delay steers
/// towards one frame plus four times the RFC 3550 interarrival jitter, within the options' bounds: it grows by one
/// frame when the buffer runs dry and shrinks by dropping one frame when more than two frames above target.
/// Missing frames are concealed by the decoder (FEC from the next packet when there, PLC otherwise); RFC 3389 CN
/// packets switch to comfort noise; a long silence (hold) stops playout until the next packet, which restarts it.
/// </summary>
/// <remarks>Not thread-safe: the owner serialises <see cref="Push"/> and <see cref="Pull"/>. No allocation per packet or frame.</remarks>
internal sealed partial class JitterBuffer
{
    private const int PlayedHistory = 128;
    private readonly IAudioDecoder _decoder;
    private readonly JitterBufferOptions _options;
    private readonly int? _comfortNoisePayloadType;
    private readonly long _timestampFrequency;
    private readonly JitterBufferSlot[] _slots;
    private readonly int[] _played = new int[PlayedHistory];
    private readonly int _frameSpan;
    private readonly int _minimumFrames;
    private readonly int _maximumFrames;
    private readonly int _concealmentFrames;
    private readonly int _holdFrames;
    private uint _ssrc;
    private bool _haveSsrc;
    private long _highestTimestamp;
    private bool _haveTimestamp;
    private bool _haveTransit;
    private long _lastTransit;
    private double _jitter;
    private int _count;

    /// <summary>Creates a buffer in front of <paramref name="decoder"/>.</summary>
    /// <param name="decoder">Decodes and conceals the negotiated codec.</param>
    /// <param name="options">Delay bounds.</param>
    /// <param name="timestampFrequency">Ticks per second of the arrival times given to <see cref="Push"/>.</param>
    /// <param name="comfortNoisePayloadType">The negotiated CN payload type (13 for CN/8000), or null.</param>
    public JitterBuffer(IAudioDecoder decoder, JitterBufferOptions options, long timestampFrequency, int? comfortNoisePayloadType = 13)
    {
        _decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        if (timestampFrequency <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timestampFrequency));
        }

        _timestampFrequency = timestampFrequency;
        _comfortNoisePayloadType = comfortNoisePayloadType;
        _frameSpan = decoder.ClockRate / 50;
        _minimumFrames = FramesOf(options.MinimumDelay);
        _maximumFrames = FramesOf(options.MaximumDelay);
        _concealmentFrames = FramesOf(options.MaximumConcealment);
        _holdFrames = FramesOf(options.HoldTimeout);
        _slots = new JitterBufferSlot[_maximumFrames + 16];
        for (int i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new JitterBufferSlot();
        }

        _staging = new short[Math.Max(decoder.MaxDecodedSamples, decoder.FrameSamples)];
        _targetFrames = _minimumFrames;
        _played.AsSpan().Fill(-1);
    }

    /// <summary>Samples in each frame <see cref="Pull"/> produces, at the decoder's rate.</summary>
    public int FrameSamples => _decoder.FrameSamples;

    /// <summary>Sample rate of the frames produced.</summary>
    public int SampleRate => _decoder.SampleRate;

    /// <summary>Counters and the current delay; the object is live, take <see cref="JitterBufferStatistics.Snapshot"/> to keep values.</summary>
    public JitterBufferStatistics Statistics { get; } = new JitterBufferStatistics();

    /// <summary>Adds a received packet.</summary>
    /// <returns>False when the packet was dropped (late, duplicate, too large or the buffer full).</returns>
    public bool Push(uint ssrc, ushort sequence, uint timestamp, byte payloadType, ReadOnlySpan<byte> payload, long arrivalTimestamp)
    {
        if (payload.Length > JitterBufferSlot.Capacity)
        {
            Statistics.Discarded++;
            return false;
        }

        if (_haveSsrc && ssrc != _ssrc)
        {
            StartOver();
            Statistics.SsrcChanges++;
        }

        _ssrc = ssrc;
        _haveSsrc = true;
        long extended = Extend(timestamp);
        if (_anchored && extended < _playoutTimestamp)
        {
            if (_played[sequence % PlayedHistory] == sequence)
            {
                Statistics.Duplicates++;
            }
            else
            {
                Statistics.Late++;
                NoteLate();
            }

            return false;
        }

        if (Find(extended) is not null)
        {
            Statistics.Duplicates++;
            return false;
        }

        JitterBufferSlot? free = FindFree();
        if (free is null)
        {
            Statistics.Discarded++;
            return false;
        }

        free.InUse = true;
        free.Timestamp = extended;
        free.Sequence = sequence;
        free.PayloadType = payloadType;
        free.Length = payload.Length;
        payload.CopyTo(free.Payload);
        _count++;
        if (extended > _highestTimestamp)
        {
            _highestTimestamp = extended;
        }

        Statistics.Received++;
        UpdateJitter(extended, arrivalTimestamp);
        UpdateDelay();
        return true;
    }

    /// <summary>Forgets every packet and the stream's timing, as for a new sender.</summary>
    public void StartOver()
    {
        foreach (JitterBufferSlot slot in _slots)
        {
            slot.InUse = false;
        }

        _count = 0;
        _haveTimestamp = false;
        _haveTransit = false;
        _anchored = false;
        _comfortNoise = false;
        _silentFrames = 0;
        _waitingFrames = 0;
        _stagingCount = 0;
        _played.AsSpan().Fill(-1);
        _decoder.Reset();
        UpdateDelay();
    }

    private long Extend(uint timestamp)
    {
        if (!_haveTimestamp)
        {
            _haveTimestamp = true;
            _highestTimestamp = timestamp;
            return timestamp;
        }

        return _highestTimestamp + unchecked((int)(timestamp - (uint)_highestTimestamp));
    }

    private void UpdateJitter(long rtpTimestamp, long arrivalTimestamp)
    {
        // RFC 3550 §6.4.1 in RTP units: J += (|D| - J) / 16.
        long arrival = (long)(arrivalTimestamp * (double)_decoder.ClockRate / _timestampFrequency);
        long transit = arrival - rtpTimestamp;
        if (_haveTransit)
        {
            double difference = Math.Abs(transit - _lastTransit);
            _jitter += (difference - _jitter) / 16;
        }

        _haveTransit = true;
        _lastTransit = transit;
        Statistics.JitterMilliseconds = _jitter * 1000.0 / _decoder.ClockRate;
        double wanted = (_frameSpan + (4 * _jitter)) / _frameSpan;
        _targetFrames = Math.Max(_minimumFrames, Math.Min(_maximumFrames, (int)Math.Ceiling(wanted)));
    }

    private JitterBufferSlot? Find(long timestamp)
    {
        if (_count == 0)
        {
            return null;
        }

        foreach (JitterBufferSlot slot in _slots)
        {
            if (slot.InUse && slot.Timestamp == timestamp)
            {
                return slot;
            }
        }

        return null;
    }

    private JitterBufferSlot? FindFree()
    {
        foreach (JitterBufferSlot slot in _slots)
        {
            if (!slot.InUse)
            {
                return slot;
            }
        }

        return null;
    }

    private JitterBufferSlot? FindEarliest()
    {
        JitterBufferSlot? earliest = null;
        if (_count == 0)
        {
            return null;
        }

        foreach (JitterBufferSlot slot in _slots)
        {
            if (slot.InUse && (earliest is null || slot.Timestamp < earliest.Timestamp))
            {
                earliest = slot;
            }
        }

        return earliest;
    }

    private void Release(JitterBufferSlot slot)
    {
        slot.InUse = false;
        _count--;
    }

    private static int FramesOf(TimeSpan duration) => (int)Math.Ceiling(duration.TotalMilliseconds / 20.0);
}
