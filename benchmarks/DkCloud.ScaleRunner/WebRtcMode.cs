using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Benchmarks.MediaLoad;

namespace DkCloud.ScaleRunner;

/// <summary>
/// <c>--webrtc-calls 1,10,25,50,100</c>: loopback calls with media in this process, one step after the other, and
/// the largest step whose every stream got its frames without an audio gap.
/// </summary>
internal static class WebRtcMode
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static async Task<int> RunAsync(RunnerOptions options, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromSeconds(options.WebRtcSeconds);
        var gapThreshold = TimeSpan.FromMilliseconds(options.GapMilliseconds);
        var opus = options.WebRtcCodec == "opus";
        var results = new List<MediaLoadResult>();

        // Not counted: compiles and tiers up the media path, which would otherwise land in the first step's window.
        Console.WriteLine("Warming up with 2 calls for 3 s…");
        await MediaLoadStep.RunAsync(2, TimeSpan.FromSeconds(3), gapThreshold, opus, cancellationToken).ConfigureAwait(false);

        foreach (var calls in options.WebRtcCalls!)
        {
            Console.WriteLine($"{calls} loopback call(s), tones both ways in {options.WebRtcCodec}, {options.WebRtcSeconds} s measured…");
            var result = await MediaLoadStep.RunAsync(calls, window, gapThreshold, opus, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  {0}/{1} connected, CPU {2:0.0} % of one core, frames {3:0.00} %, longest gap {4:0} ms, streams with gaps {5}",
                result.Connected, result.Calls, result.CpuPercentOfOneCore, result.FramesPercent, result.LongestGapMs, result.StreamsWithGaps));
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }

        var knee = results.Where(r => IsClean(r)).Select(r => (int?)r.Calls).Max();
        WriteTable(Console.Out, results, options, knee);
        var full = Path.GetFullPath(options.JsonPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, JsonSerializer.Serialize(
            new
            {
                Machine = Environment.MachineName,
                Environment.ProcessorCount,
                Runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                StartedAt = DateTimeOffset.UtcNow,
                WindowSeconds = options.WebRtcSeconds,
                Codec = options.WebRtcCodec,
                GapThresholdMs = options.GapMilliseconds,
                LargestCleanStep = knee,
                Steps = results,
            },
            JsonOptions));
        Console.WriteLine($"Numbers written to {full}");
        return results.All(r => r.Connected == r.Calls) ? 0 : 1;
    }

    /// <summary>Every call connected, every stream got at least 99.5 % of its frames and none paused over the threshold.</summary>
    private static bool IsClean(MediaLoadResult r) => r.Connected == r.Calls && r.FramesPercent >= 99.5 && r.StreamsWithGaps == 0;

    private static void WriteTable(TextWriter w, IReadOnlyList<MediaLoadResult> results, RunnerOptions options, int? knee)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine();
        w.WriteLine(string.Format(c, "{0} cores, {1}; {2}; {3} s windows; a gap is a pause over {4} ms", Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, options.WebRtcCodec, options.WebRtcSeconds, options.GapMilliseconds));
        w.WriteLine();
        w.WriteLine("| calls | connected | setup | CPU (% of one core) | CPU per call | frames received | longest gap | streams with gaps | hearing the tone | SRTP auth failures | threads | CPU pressure |");
        w.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            w.WriteLine(string.Format(
                c,
                "| {0} | {1} | {2:0.0} s | {3:0.0} % | {4:0.00} % | {5:0.00} % | {6:0} ms | {7} / {8} | {9} / {8} | {10} | {11} | {12} |",
                r.Calls,
                r.Connected,
                r.SetupSeconds,
                r.CpuPercentOfOneCore,
                r.CpuPercentPerCall,
                r.FramesPercent,
                r.LongestGapMs,
                r.StreamsWithGaps,
                r.Connected * 2,
                r.StreamsHearingTone,
                r.AuthenticationFailures,
                r.Threads,
                r.CpuPressurePercent is { } p ? p.ToString("0", c) + " %" : "n/a"));
        }

        w.WriteLine();
        w.WriteLine(knee is { } k
            ? $"Largest step without gaps: {k} calls ({k * 2} media sessions in this process)."
            : "No step was free of gaps.");
        w.WriteLine();
    }
}
