using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;

namespace DkCloud.Sdk.WebRtc.Quality;

/// <summary>
/// Takes a quality sample of a call's audio every second (a <see cref="TimeProvider"/> timer) and raises warnings with
/// hysteresis: each warning is raised once when a problem sets in and cleared once when it is over.
/// </summary>
/// <remarks>Events are raised on the timer's thread, one at a time; handlers must not block.</remarks>
public sealed partial class CallQualityMonitor : IDisposable
{
    private readonly object _gate = new();
    private readonly Func<AudioStreamCounters> _read;
    private volatile string _codec;
    private readonly CallQualityThresholds _thresholds;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly Dictionary<CallQualityWarning, WarningTracker> _trackers = new();
    private readonly Dictionary<CallQualityWarning, int> _raisedCounts = new();
    private readonly List<CallQualitySample> _samples = new();
    private AudioStreamCounters _previous;
    private long _roundTripTicks = -1;
    private int _secondsWithoutPackets;
    private int _secondsOfConstantLevel;
    private double _lastInputLevel = double.NaN;
    private volatile bool _expectPackets = true;
    private ITimer? _timer;

    internal CallQualityMonitor(Func<AudioStreamCounters> read, string codec, CallQualityThresholds thresholds, TimeProvider time)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _codec = codec ?? throw new ArgumentNullException(nameof(codec));
        _thresholds = thresholds ?? throw new ArgumentNullException(nameof(thresholds));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _start = time.GetTimestamp();
        _previous = read();
        foreach (CallQualityWarning warning in new[] { CallQualityWarning.HighRoundTripTime, CallQualityWarning.HighJitter, CallQualityWarning.HighPacketLoss, CallQualityWarning.LowMos })
        {
            _trackers[warning] = new WarningTracker(thresholds.Window, thresholds.RaiseAfter, thresholds.ClearAfter);
        }
    }

    /// <summary>Raised every second with the new sample.</summary>
    public event EventHandler<CallQualitySampleEventArgs>? SampleAvailable;

    /// <summary>Raised once when a problem sets in.</summary>
    public event EventHandler<CallQualityWarningEventArgs>? WarningRaised;

    /// <summary>Raised once when a raised problem is over.</summary>
    public event EventHandler<CallQualityWarningEventArgs>? WarningCleared;

    /// <summary>The warnings raised now.</summary>
    public IReadOnlyCollection<CallQualityWarning> ActiveWarnings
    {
        get
        {
            lock (_gate)
            {
                return _active.ToArray();
            }
        }
    }

    /// <summary>The latest round-trip time from RTCP (set by the RTCP receiver).</summary>
    internal void UpdateRoundTripTime(TimeSpan roundTrip) => Interlocked.Exchange(ref _roundTripTicks, roundTrip.Ticks);

    /// <summary>The codec the MOS estimate assumes, after a codec change inside the call.</summary>
    internal void SetCodec(string codec) => _codec = codec ?? throw new ArgumentNullException(nameof(codec));

    /// <summary>
    /// Whether the far end is meant to send: false while the call is on hold towards us (we are sendonly or inactive),
    /// when silence on the line is no problem.
    /// </summary>
    internal void ExpectPackets(bool expected) => _expectPackets = expected;

    /// <summary>Starts sampling every second.</summary>
    internal void Start()
    {
        lock (_gate)
        {
            _timer ??= _time.CreateTimer(static state => ((CallQualityMonitor)state!).TakeSample(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Stops sampling.</summary>
    public void Dispose()
    {
        ITimer? timer;
        lock (_gate)
        {
            timer = _timer;
            _timer = null;
        }

        timer?.Dispose();
    }

    /// <summary>Summarises every sample taken so far.</summary>
    public CallQualitySummary GetSummary()
    {
        lock (_gate)
        {
            return Summarize();
        }
    }

    /// <summary>Takes one sample now and raises the warnings it decides.</summary>
    internal CallQualitySample TakeSample()
    {
        var raised = new List<CallQualityWarning>();
        var cleared = new List<CallQualityWarning>();
        CallQualitySample sample;
        lock (_gate)
        {
            AudioStreamCounters now = _read();
            sample = BuildSample(now);
            _previous = now;
            _samples.Add(sample);
            Evaluate(sample, raised, cleared);
        }

        SampleAvailable?.Invoke(this, new CallQualitySampleEventArgs(sample));
        foreach (CallQualityWarning warning in raised)
        {
            WarningRaised?.Invoke(this, new CallQualityWarningEventArgs(warning, sample));
        }

        foreach (CallQualityWarning warning in cleared)
        {
            WarningCleared?.Invoke(this, new CallQualityWarningEventArgs(warning, sample));
        }

        return sample;
    }

    private CallQualitySample BuildSample(AudioStreamCounters now)
    {
        long expected = now.PacketsExpected - _previous.PacketsExpected;
        long received = now.PacketsReceived - _previous.PacketsReceived;
        double loss = expected > 0 ? Math.Max(0, 100.0 * (expected - received) / expected) : 0;
        long rttTicks = Interlocked.Read(ref _roundTripTicks);
        double? rtt = rttTicks >= 0 ? TimeSpan.FromTicks(rttTicks).TotalMilliseconds : null;
        double input = Dbov(now.InputEnergy - _previous.InputEnergy, now.InputSamples - _previous.InputSamples);
        double output = Dbov(now.OutputEnergy - _previous.OutputEnergy, now.OutputSamples - _previous.OutputSamples);
        double mos = received > 0 ? EModel.EstimateMos(_codec, rtt, now.JitterMilliseconds, now.PlayoutDelay, loss) : 1;
        TimeSpan elapsed = _time.GetElapsedTime(_start);
        return new CallQualitySample(elapsed, now.JitterMilliseconds, loss, rtt, input, output, received, mos);
    }

    /// <summary>Level in dBov of <paramref name="samples"/> samples of total <paramref name="energy"/>; -127 for silence.</summary>
    internal static double Dbov(double energy, long samples)
    {
        if (samples <= 0 || energy <= 0)
        {
            return -127;
        }

        double rms = Math.Sqrt(energy / samples);
        return Math.Max(-127, 20 * Math.Log10(rms / 32768.0));
    }
}
