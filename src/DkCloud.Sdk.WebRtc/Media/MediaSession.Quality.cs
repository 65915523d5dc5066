using System;
using System.Collections.Generic;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Quality;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// Call quality: once media is secure, a <see cref="CallQualityMonitor"/> samples the audio pipeline every second
/// (E-model MOS, loss, jitter, RTT, levels) and raises warnings with hysteresis; disposing the session ends it with a
/// summary of the whole call.
/// </summary>
internal sealed partial class MediaSession
{
    private CallQualityMonitor? _monitor;
    private bool _qualityEnded;

    /// <summary>A one-second quality sample; raised on the quality timer's thread.</summary>
    public event Action<CallQualitySample>? QualitySampled;

    /// <summary>A quality problem set in (raised once per episode).</summary>
    public event Action<CallQualityWarningEventArgs>? QualityWarningRaised;

    /// <summary>A raised quality problem is over.</summary>
    public event Action<CallQualityWarningEventArgs>? QualityWarningCleared;

    /// <summary>The call's quality summary, raised once when the session is disposed (hang-up).</summary>
    public event Action<CallQualitySummary>? QualitySummaryReady;

    /// <summary>The summary of the call once the session is disposed, or null before.</summary>
    public CallQualitySummary? QualitySummary { get; private set; }

    /// <summary>The quality warnings raised now.</summary>
    public IReadOnlyCollection<CallQualityWarning> ActiveQualityWarnings
        => Volatile.Read(ref _monitor)?.ActiveWarnings ?? Array.Empty<CallQualityWarning>();

    /// <summary>A summary of the samples so far (the final one once disposed), or null before media started.</summary>
    public CallQualitySummary? GetQualitySummary() => QualitySummary ?? Volatile.Read(ref _monitor)?.GetSummary();

    private void StartQuality()
    {
        lock (_audioGate)
        {
            if (_monitor is not null || _qualityEnded || _closing.IsCancellationRequested)
            {
                return;
            }

            // The monitor's timer reads the stream under the monitor's lock; starting it here, before its first
            // tick, is the only time the two locks nest the other way.
            var monitor = new CallQualityMonitor(ReadAudioCounters, _choice?.EncodingName ?? "PCMU", _options.QualityThresholds, _options.Time);
            monitor.SampleAvailable += (_, e) => QualitySampled?.Invoke(e.Sample);
            monitor.WarningRaised += (_, e) => QualityWarningRaised?.Invoke(e);
            monitor.WarningCleared += (_, e) => QualityWarningCleared?.Invoke(e);
            monitor.ExpectPackets(_localDirection is Sdp.SdpDirection.SendRecv or Sdp.SdpDirection.RecvOnly);
            if (RoundTripTime is TimeSpan roundTrip)
            {
                monitor.UpdateRoundTripTime(roundTrip);
            }

            Volatile.Write(ref _monitor, monitor);
            monitor.Start();
        }
    }

    private AudioStreamCounters ReadAudioCounters()
    {
        AudioMediaStream? stream;
        AudioStreamCounters before;
        lock (_audioGate)
        {
            stream = _stream;
            before = _countersBefore;
        }

        return stream is null ? before : before.Then(stream.ReadCounters());
    }

    private void EndQuality()
    {
        CallQualityMonitor? monitor;
        lock (_audioGate)
        {
            if (_qualityEnded)
            {
                return;
            }

            _qualityEnded = true;
            monitor = _monitor;
        }

        if (monitor is null)
        {
            return;
        }

        monitor.Dispose();
        CallQualitySummary summary = monitor.GetSummary();
        QualitySummary = summary;
        QualitySummaryReady?.Invoke(summary);
    }
}
