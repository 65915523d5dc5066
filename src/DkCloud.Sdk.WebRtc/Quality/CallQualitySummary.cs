using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Quality;

/// <summary>The quality of a whole call, for the agent's wrap-up or a support ticket.</summary>
public sealed class CallQualitySummary
{
    /// <summary>Creates a summary.</summary>
    public CallQualitySummary(TimeSpan duration, int samples, double averageMos, double minimumMos, double averageJitterMilliseconds, double maximumJitterMilliseconds, double packetLossPercent, double? maximumRoundTripTimeMilliseconds, IReadOnlyDictionary<CallQualityWarning, int> warningCounts)
    {
        Duration = duration;
        Samples = samples;
        AverageMos = averageMos;
        MinimumMos = minimumMos;
        AverageJitterMilliseconds = averageJitterMilliseconds;
        MaximumJitterMilliseconds = maximumJitterMilliseconds;
        PacketLossPercent = packetLossPercent;
        MaximumRoundTripTimeMilliseconds = maximumRoundTripTimeMilliseconds;
        WarningCounts = warningCounts ?? throw new ArgumentNullException(nameof(warningCounts));
    }

    /// <summary>Time covered by the samples.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Number of one-second samples.</summary>
    public int Samples { get; }

    /// <summary>Mean of the samples' MOS (0 without samples).</summary>
    public double AverageMos { get; }

    /// <summary>Lowest sample MOS (0 without samples).</summary>
    public double MinimumMos { get; }

    /// <summary>Mean jitter in milliseconds.</summary>
    public double AverageJitterMilliseconds { get; }

    /// <summary>Highest jitter in milliseconds.</summary>
    public double MaximumJitterMilliseconds { get; }

    /// <summary>Packets lost over the call, in percent of those expected.</summary>
    public double PacketLossPercent { get; }

    /// <summary>Highest RTT seen, when RTCP gave any.</summary>
    public double? MaximumRoundTripTimeMilliseconds { get; }

    /// <summary>How many times each warning was raised.</summary>
    public IReadOnlyDictionary<CallQualityWarning, int> WarningCounts { get; }
}
