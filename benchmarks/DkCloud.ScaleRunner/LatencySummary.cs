namespace DkCloud.ScaleRunner;

/// <summary>p50, p99 and max of one latency, in milliseconds.</summary>
internal sealed record LatencySummary(string Name, int Count, double P50Ms, double P99Ms, double MaxMs);
