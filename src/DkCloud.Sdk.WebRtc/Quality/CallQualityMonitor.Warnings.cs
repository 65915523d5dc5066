using System;
using System.Collections.Generic;
using System.Linq;

namespace DkCloud.Sdk.WebRtc.Quality;

/// <summary>Warning decisions and the end-of-call summary.</summary>
public sealed partial class CallQualityMonitor
{
    private const double ConstantLevelToleranceDb = 0.1;
    private readonly HashSet<CallQualityWarning> _active = new();

    private void Evaluate(CallQualitySample sample, List<CallQualityWarning> raised, List<CallQualityWarning> cleared)
    {
        bool receiving = sample.PacketsReceived > 0;
        Track(CallQualityWarning.HighRoundTripTime, sample.RoundTripTimeMilliseconds > _thresholds.MaxRoundTripTimeMilliseconds, raised, cleared);
        Track(CallQualityWarning.HighJitter, receiving && sample.JitterMilliseconds > _thresholds.MaxJitterMilliseconds, raised, cleared);
        Track(CallQualityWarning.HighPacketLoss, receiving && sample.PacketLossPercent > _thresholds.MaxPacketLossPercent, raised, cleared);
        Track(CallQualityWarning.LowMos, receiving && sample.Mos < _thresholds.MinMos, raised, cleared);

        bool expected = _expectPackets;
        _secondsWithoutPackets = receiving || !expected ? 0 : _secondsWithoutPackets + 1;
        Switch(CallQualityWarning.NoPacketsReceived, _secondsWithoutPackets >= _thresholds.NoPacketsSeconds, receiving || !expected, raised, cleared);

        bool constant = !double.IsNaN(_lastInputLevel) && Math.Abs(sample.InputLevelDbov - _lastInputLevel) < ConstantLevelToleranceDb;
        _secondsOfConstantLevel = constant ? _secondsOfConstantLevel + 1 : 0;
        _lastInputLevel = sample.InputLevelDbov;
        Switch(CallQualityWarning.ConstantAudioInputLevel, _secondsOfConstantLevel + 1 >= _thresholds.ConstantLevelSeconds, !constant, raised, cleared);
    }

    private void Track(CallQualityWarning warning, bool bad, List<CallQualityWarning> raised, List<CallQualityWarning> cleared)
    {
        int change = _trackers[warning].Add(bad);
        Switch(warning, change > 0, change < 0, raised, cleared);
    }

    private void Switch(CallQualityWarning warning, bool raise, bool clear, List<CallQualityWarning> raised, List<CallQualityWarning> cleared)
    {
        if (raise && _active.Add(warning))
        {
            _raisedCounts[warning] = _raisedCounts.TryGetValue(warning, out int count) ? count + 1 : 1;
            raised.Add(warning);
        }
        else if (clear && _active.Remove(warning))
        {
            cleared.Add(warning);
        }
    }

    private CallQualitySummary Summarize()
    {
        var counts = new Dictionary<CallQualityWarning, int>(_raisedCounts);
        if (_samples.Count == 0)
        {
            return new CallQualitySummary(TimeSpan.Zero, 0, 0, 0, 0, 0, 0, null, counts);
        }

        double? maxRtt = _samples.Where(s => s.RoundTripTimeMilliseconds is not null).Select(s => s.RoundTripTimeMilliseconds).Max();
        long expected = _previous.PacketsExpected;
        double loss = expected > 0 ? Math.Max(0, 100.0 * (expected - _previous.PacketsReceived) / expected) : 0;
        return new CallQualitySummary(
            _samples[_samples.Count - 1].Elapsed,
            _samples.Count,
            _samples.Average(s => s.Mos),
            _samples.Min(s => s.Mos),
            _samples.Average(s => s.JitterMilliseconds),
            _samples.Max(s => s.JitterMilliseconds),
            loss,
            maxRtt,
            counts);
    }
}
