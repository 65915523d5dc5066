using System;
using System.Diagnostics;

namespace DkCloud.ScaleRunner;

/// <summary>This process's counters at one moment.</summary>
internal readonly record struct ProcessSample(long WallTimestamp, TimeSpan CpuTime, long WorkingSet, int Threads, int Gen0, int Gen1, int Gen2, long AllocatedBytes, long? CpuPressure)
{
    public static ProcessSample Take()
    {
        using var self = Process.GetCurrentProcess();
        return new ProcessSample(
            Stopwatch.GetTimestamp(),
            self.TotalProcessorTime,
            self.WorkingSet64,
            self.Threads.Count,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalAllocatedBytes(precise: false),
            Benchmarks.MediaLoad.CpuPressure.Sample());
    }

    /// <summary>CPU time over wall time between two samples, as a percentage of one core.</summary>
    public static double CpuPercentOfOneCore(ProcessSample from, ProcessSample to)
    {
        var wall = Stopwatch.GetElapsedTime(from.WallTimestamp, to.WallTimestamp).TotalSeconds;
        return wall <= 0 ? 0 : 100.0 * (to.CpuTime - from.CpuTime).TotalSeconds / wall;
    }
}
