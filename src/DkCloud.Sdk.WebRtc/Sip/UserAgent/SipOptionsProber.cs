using System;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>
/// Sends an OPTIONS to the server every 55-65 s (a random interval each time, as the vendor SDK 7.2.5 does) and
/// reports each round trip: state, send and answer times and delay, all read from the <see cref="TimeProvider"/>.
/// </summary>
internal sealed class SipOptionsProber : IDisposable
{
    private readonly Func<Task<SipMessage>> _send;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Action<SipOptionsProbeEventArgs> _report;
    private readonly object _gate = new();
    private ITimer? _timer;
    private bool _running;

    /// <summary>Creates a prober.</summary>
    /// <param name="send">Sends one OPTIONS and completes with its final response.</param>
    /// <param name="time">The clock.</param>
    /// <param name="random">A value in [0, 1) picking each interval between <paramref name="min"/> and <paramref name="max"/>.</param>
    /// <param name="min">Shortest interval.</param>
    /// <param name="max">Longest interval.</param>
    /// <param name="report">Gets every result.</param>
    public SipOptionsProber(Func<Task<SipMessage>> send, TimeProvider time, Func<double> random, TimeSpan min, TimeSpan max, Action<SipOptionsProbeEventArgs> report)
    {
        _send = send ?? throw new ArgumentNullException(nameof(send));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        if (min <= TimeSpan.Zero || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), "The interval needs 0 < min <= max.");
        }

        _min = min;
        _max = max;
        _report = report ?? throw new ArgumentNullException(nameof(report));
    }

    /// <summary>The interval before the next probe; null when stopped.</summary>
    public TimeSpan? NextInterval { get; private set; }

    /// <summary>Starts probing; the first probe goes after one interval.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_running)
            {
                return;
            }

            _running = true;
            ScheduleNext();
        }
    }

    /// <summary>Stops probing.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _running = false;
            _timer?.Dispose();
            _timer = null;
            NextInterval = null;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Stop();

    /// <summary>Sends one probe now and reports it.</summary>
    public async Task<SipOptionsProbeEventArgs> ProbeAsync()
    {
        DateTimeOffset sentAt = _time.GetUtcNow();
        long started = _time.GetTimestamp();
        SipOptionsProbeEventArgs result;
        try
        {
            SipMessage response = await _send().ConfigureAwait(false);
            TimeSpan delay = _time.GetElapsedTime(started);
            result = new SipOptionsProbeEventArgs(SipOptionsProbeState.Succeeded, sentAt, sentAt + delay, delay, response.StatusCode);
        }
        catch (SipException)
        {
            result = new SipOptionsProbeEventArgs(SipOptionsProbeState.Failed, sentAt, null, null, null);
        }

        _report(result);
        return result;
    }

    private void ScheduleNext()
    {
        TimeSpan interval = TimeSpan.FromTicks(_min.Ticks + (long)((_max.Ticks - _min.Ticks) * Math.Max(0, Math.Min(_random(), 1))));
        NextInterval = interval;
        _timer?.Dispose();
        _timer = _time.CreateTimer(_ => _ = RunAsync(), null, interval, Timeout.InfiniteTimeSpan);
    }

    private async Task RunAsync()
    {
        lock (_gate)
        {
            if (!_running)
            {
                return;
            }
        }

        await ProbeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            if (_running)
            {
                ScheduleNext();
            }
        }
    }
}
