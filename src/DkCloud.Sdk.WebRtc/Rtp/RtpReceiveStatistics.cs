namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>
/// Reception statistics of one source (RFC 3550 appendix A.1, A.3, A.8): extended highest sequence number across
/// wraps, cumulative and interval loss, and interarrival jitter. Probation is not applied (packets arrive authenticated
/// by SRTP); a jump beyond <see cref="MaxDropout"/> is taken as a restart only when the next packet confirms it.
/// </summary>
/// <remarks>Not thread-safe; fed by the receive loop of one stream.</remarks>
internal sealed class RtpReceiveStatistics
{
    /// <summary>Largest forward jump still taken as loss (A.1's MAX_DROPOUT).</summary>
    public const int MaxDropout = 3000;

    /// <summary>Largest backward jump taken as reordering (A.1's MAX_MISORDER).</summary>
    public const int MaxMisorder = 100;

    private const uint SequenceModulo = 1u << 16;
    private readonly int _clockRate;
    private readonly long _timestampFrequency;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private uint _badSequence = SequenceModulo + 1;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private bool _started;
    private bool _haveTransit;
    private int _lastTransit;
    private long _jitterTimes16;

    /// <summary>Creates the statistics of a stream with RTP clock <paramref name="clockRate"/>.</summary>
    /// <param name="clockRate">RTP timestamp rate (8000 for G.711, 48000 for Opus).</param>
    /// <param name="timestampFrequency">Ticks per second of the arrival timestamps (<c>TimeProvider.TimestampFrequency</c>).</param>
    public RtpReceiveStatistics(int clockRate, long timestampFrequency)
    {
        if (clockRate <= 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(clockRate));
        }

        if (timestampFrequency <= 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(timestampFrequency));
        }

        _clockRate = clockRate;
        _timestampFrequency = timestampFrequency;
    }

    /// <summary>Packets counted as received (duplicates included, as RFC 3550 does).</summary>
    public long Received => _received;

    /// <summary>Extended highest sequence number: cycles in the high 16 bits.</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Packets expected from the first to the highest sequence number.</summary>
    public long Expected => _started ? (long)ExtendedHighestSequence - _baseSequence + 1 : 0;

    /// <summary>Cumulative number of packets lost (negative with duplicates).</summary>
    public long CumulativeLost => Expected - _received;

    /// <summary>Interarrival jitter in RTP timestamp units.</summary>
    public uint Jitter => (uint)(_jitterTimes16 >> 4);

    /// <summary>Records a packet; false when it was discarded as a jump that has not been confirmed yet.</summary>
    /// <param name="sequence">Its sequence number.</param>
    /// <param name="rtpTimestamp">Its RTP timestamp.</param>
    /// <param name="arrivalTimestamp">Arrival time in ticks of <c>timestampFrequency</c>.</param>
    /// <param name="measureJitter">
    /// False for packets whose timestamp does not follow the sampling clock, such as RFC 4733 events (every packet of
    /// an event repeats its start time): they count for loss but not for jitter.
    /// </param>
    public bool Update(ushort sequence, uint rtpTimestamp, long arrivalTimestamp, bool measureJitter = true)
    {
        if (!_started)
        {
            Restart(sequence);
            _started = true;
        }
        else
        {
            ushort delta = unchecked((ushort)(sequence - _maxSequence));
            if (delta < MaxDropout)
            {
                if (sequence < _maxSequence)
                {
                    _cycles += SequenceModulo;
                }

                _maxSequence = sequence;
            }
            else if (delta <= SequenceModulo - MaxMisorder)
            {
                if (sequence == _badSequence)
                {
                    // Two sequential packets after a big jump: the source restarted.
                    Restart(sequence);
                    _haveTransit = false;
                }
                else
                {
                    _badSequence = (sequence + 1u) & (SequenceModulo - 1);
                    return false;
                }
            }
        }

        _received++;
        if (measureJitter)
        {
            UpdateJitter(rtpTimestamp, arrivalTimestamp);
        }

        return true;
    }

    /// <summary>
    /// Builds a report block for <paramref name="ssrc"/> and starts a new interval for the fraction lost.
    /// </summary>
    public RtcpReportBlock CreateReportBlock(uint ssrc, uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        long expected = Expected;
        long expectedInterval = expected - _expectedPrior;
        long receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        long lostInterval = expectedInterval - receivedInterval;
        byte fraction = expectedInterval == 0 || lostInterval <= 0 ? (byte)0 : (byte)((lostInterval << 8) / expectedInterval);
        int cumulative = (int)System.Math.Max(-0x800000L, System.Math.Min(0x7FFFFFL, CumulativeLost));
        return new RtcpReportBlock(ssrc, fraction, cumulative, ExtendedHighestSequence, Jitter, lastSenderReport, delaySinceLastSenderReport);
    }

    private void Restart(ushort sequence)
    {
        _maxSequence = sequence;
        _cycles = 0;
        _baseSequence = sequence;
        _badSequence = SequenceModulo + 1;
        _received = 0;
        _expectedPrior = 0;
        _receivedPrior = 0;
    }

    private void UpdateJitter(uint rtpTimestamp, long arrivalTimestamp)
    {
        long seconds = arrivalTimestamp / _timestampFrequency;
        long remainder = arrivalTimestamp % _timestampFrequency;
        uint arrival = unchecked((uint)((seconds * _clockRate) + (remainder * _clockRate / _timestampFrequency)));
        int transit = unchecked((int)(arrival - rtpTimestamp));
        if (_haveTransit)
        {
            int d = System.Math.Abs(unchecked(transit - _lastTransit));
            _jitterTimes16 += d - ((_jitterTimes16 + 8) >> 4);
        }

        _haveTransit = true;
        _lastTransit = transit;
    }
}
