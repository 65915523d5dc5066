using System;
using System.Diagnostics;
using DkCloud.Benchmarks.MediaLoad;

namespace DkCloud.ScaleRunner;

/// <summary>What one phase (idle or load) cost this process, and the emulator's CPU beside it.</summary>
internal sealed class PhaseReport
{
    public double WallSeconds { get; init; }

    /// <summary>This process's CPU time over wall time, % of one core.</summary>
    public double CpuPercentOfOneCore { get; init; }

    /// <summary>The same over every core of the machine.</summary>
    public double CpuPercentOfMachine { get; init; }

    public double EmulatorCpuPercentOfOneCore { get; init; }

    public long Events { get; init; }

    public double EventsPerSecond { get; init; }

    public int ThreadsAtEnd { get; init; }

    public long WorkingSetBytesAtEnd { get; init; }

    public int Gen0Collections { get; init; }

    public int Gen1Collections { get; init; }

    public int Gen2Collections { get; init; }

    public long AllocatedBytes { get; init; }

    /// <summary>The share of the phase in which some task on the machine waited for a CPU (Linux PSI), or null.</summary>
    public double? CpuPressurePercent { get; init; }

    public static PhaseReport From(ProcessSample from, ProcessSample to, long events, TimeSpan emulatorCpuFrom, TimeSpan emulatorCpuTo)
    {
        var wall = Stopwatch.GetElapsedTime(from.WallTimestamp, to.WallTimestamp).TotalSeconds;
        var cpu = ProcessSample.CpuPercentOfOneCore(from, to);
        return new PhaseReport
        {
            WallSeconds = wall,
            CpuPercentOfOneCore = cpu,
            CpuPercentOfMachine = cpu / Environment.ProcessorCount,
            EmulatorCpuPercentOfOneCore = wall <= 0 ? 0 : 100.0 * (emulatorCpuTo - emulatorCpuFrom).TotalSeconds / wall,
            Events = events,
            EventsPerSecond = wall <= 0 ? 0 : events / wall,
            ThreadsAtEnd = to.Threads,
            WorkingSetBytesAtEnd = to.WorkingSet,
            Gen0Collections = to.Gen0 - from.Gen0,
            Gen1Collections = to.Gen1 - from.Gen1,
            Gen2Collections = to.Gen2 - from.Gen2,
            AllocatedBytes = to.AllocatedBytes - from.AllocatedBytes,
            CpuPressurePercent = CpuPressure.Percent(from.CpuPressure, to.CpuPressure, TimeSpan.FromSeconds(wall)),
        };
    }
}
