using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.Interop.Tests;

/// <summary>Runs helper processes for the media interop tests: freq.sh on baresip's recordings and the softphone sample.</summary>
internal static class InteropProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The names of baresip's recordings of what it received (dump-*-dec.wav).</summary>
    public static HashSet<string> FarEndRecordings(InteropRig rig)
    {
        string folder = Path.Combine(rig.Endpoints["RUN_DIR"], "recordings");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "dump-*-dec.wav").ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Waits for the recording of the call that ended last (a file not in <paramref name="before"/>), lets baresip
    /// finish its header, and returns the dominant frequency freq.sh measures in it.
    /// </summary>
    public static async Task<(double Hertz, string Report)> FarEndHeardAsync(InteropRig rig, HashSet<string> before)
    {
        var watch = Stopwatch.StartNew();
        string? file = null;
        while (file is null && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            file = FarEndRecordings(rig).FirstOrDefault(f => !before.Contains(f));
            await Task.Delay(200);
        }

        if (file is null)
        {
            return (0, "no new recording in " + rig.Endpoints["RUN_DIR"] + "/recordings");
        }

        long size = -1;
        while (watch.Elapsed < TimeSpan.FromSeconds(15) && new FileInfo(file).Length != size)
        {
            size = new FileInfo(file).Length;
            await Task.Delay(500);
        }

        (int exitCode, string report) = await RunAsync("bash", [Path.Combine(rig.Folder, "freq.sh"), file], rig.Folder, TimeSpan.FromSeconds(30));
        string? line = report.Split('\n').FirstOrDefault(l => l.StartsWith("DOMINANT_HZ=", StringComparison.Ordinal));
        return exitCode == 0 && line is not null && double.TryParse(line["DOMINANT_HZ=".Length..], System.Globalization.CultureInfo.InvariantCulture, out double hertz)
            ? (hertz, report)
            : (0, report);
    }

    /// <summary>The built softphone sample (same configuration as the tests).</summary>
    public static string SampleAssembly(InteropRig rig)
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string root = Path.GetFullPath(Path.Combine(rig.Folder, "..", ".."));
        return Path.Combine(root, "samples", "DkCloud.Samples.Softphone", "bin", configuration, "net10.0", "DkCloud.Samples.Softphone.dll");
    }
}
