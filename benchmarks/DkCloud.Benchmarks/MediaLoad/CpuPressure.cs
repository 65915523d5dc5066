using System;
using System.Globalization;
using System.IO;

namespace DkCloud.Benchmarks.MediaLoad;

/// <summary>
/// The kernel's CPU pressure (Linux PSI, <c>/proc/pressure/cpu</c>): for how long some runnable task on the machine
/// waited for a CPU. On a shared machine it tells how much of a latency tail belongs to other processes.
/// </summary>
internal static class CpuPressure
{
    private const string Path = "/proc/pressure/cpu";

    /// <summary>The total stall time in microseconds ("some" line), or null where the kernel does not report it.</summary>
    public static long? Sample()
    {
        try
        {
            foreach (var line in File.ReadLines(Path))
            {
                if (!line.StartsWith("some ", StringComparison.Ordinal))
                {
                    continue;
                }

                var at = line.IndexOf("total=", StringComparison.Ordinal);
                return at < 0 ? null : long.Parse(line.AsSpan(at + 6), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return null;
    }

    /// <summary>The share of <paramref name="wall"/> between two samples in which some task waited for a CPU, in %.</summary>
    public static double? Percent(long? from, long? to, TimeSpan wall)
        => from is { } a && to is { } b && wall > TimeSpan.Zero ? 100.0 * (b - a) / (wall.TotalMilliseconds * 1000) : null;
}
