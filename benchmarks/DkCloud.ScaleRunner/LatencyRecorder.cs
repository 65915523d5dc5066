using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace DkCloud.ScaleRunner;

/// <summary>Latency samples of one kind, in milliseconds; safe to add from any thread.</summary>
internal sealed class LatencyRecorder
{
    private readonly object _gate = new();
    private readonly List<double> _samples = new(1 << 16);

    public LatencyRecorder(string name) => Name = name;

    public string Name { get; }

    /// <summary>Records the time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public void RecordSince(long startTimestamp)
    {
        if (startTimestamp == 0)
        {
            return;
        }

        var ms = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        lock (_gate)
        {
            _samples.Add(ms);
        }
    }

    /// <summary>Records the time between two <see cref="Stopwatch"/> timestamps.</summary>
    public void RecordBetween(long startTimestamp, long endTimestamp) =>
        Record(Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds);

    /// <summary>Records a sample already in milliseconds.</summary>
    public void Record(double ms)
    {
        lock (_gate)
        {
            _samples.Add(ms);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _samples.Clear();
        }
    }

    public LatencySummary Summarize()
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = _samples.ToArray();
        }

        Array.Sort(sorted);
        return new LatencySummary(Name, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }

    /// <summary>All kinds together.</summary>
    public static LatencySummary Combine(string name, IEnumerable<LatencyRecorder> recorders)
    {
        var all = new List<double>();
        foreach (var recorder in recorders)
        {
            lock (recorder._gate)
            {
                all.AddRange(recorder._samples);
            }
        }

        all.Sort();
        var sorted = all.ToArray();
        return new LatencySummary(name, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
