using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace DkCloud.ScaleRunner;

/// <summary>Every number of a run: printed as a table and written as JSON.</summary>
internal sealed class ScaleReport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public string Machine { get; set; } = Environment.MachineName;
    public int ProcessorCount { get; set; }
    public string Runtime { get; set; } = string.Empty;
    public bool ServerGc { get; set; }
    public int MinWorkerThreads { get; set; }
    public DateTimeOffset StartedAt { get; set; } = DateTimeOffset.UtcNow;

    public int Agents { get; set; }
    public int LoadSeconds { get; set; }
    public double TargetCallsPerSecond { get; set; }
    public int TalkMilliseconds { get; set; }
    public int LoginConcurrency { get; set; }

    public int LoggedIn { get; set; }
    public double LoginSeconds { get; set; }
    public LatencySummary? LoginLatency { get; set; }
    public Dictionary<string, int> LoginFailures { get; set; } = new(StringComparer.Ordinal);
    public double ManagedBytesPerSession { get; set; }
    public double WorkingSetBytesPerSession { get; set; }
    public int ThreadsAfterLogin { get; set; }

    public PhaseReport? Idle { get; set; }
    public PhaseReport? Load { get; set; }
    public PhaseReport? IdleAfterLoad { get; set; }

    public long CallsStarted { get; set; }
    public long CallsCompleted { get; set; }
    public long CallsFailed { get; set; }
    public long CallsSkippedNoIdleAgent { get; set; }
    public Dictionary<string, int> CallFailures { get; set; } = new(StringComparer.Ordinal);
    public IReadOnlyList<LatencySummary> Latencies { get; set; } = [];
    public LatencySummary? AllEventLatency { get; set; }

    /// <summary>Where the time goes: the admin request (emulator side), and the SDK's own share after the socket read.</summary>
    public IReadOnlyList<LatencySummary> Stages { get; set; } = [];
    public long ProtocolErrors { get; set; }
    public long SessionsLost { get; set; }
    public long EmulatorWorkingSetBytes { get; set; }
    public double DisposeSeconds { get; set; }

    public void WriteJson(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, JsonSerializer.Serialize(this, JsonOptions));
    }

    public void WriteTable(TextWriter w)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine();
        w.WriteLine($"| measure | value |");
        w.WriteLine($"|---|---|");
        Row(w, "machine", $"{ProcessorCount} cores, {Runtime}, {(ServerGc ? "server" : "workstation")} GC");
        Row(w, "sessions logged in", $"{LoggedIn} / {Agents} ({LoginConcurrency} at a time)");
        Row(w, "time to log all in", string.Format(c, "{0:0.00} s", LoginSeconds));
        if (LoginLatency is { } login)
        {
            Row(w, "one login p50 / p99 / max", string.Format(c, "{0:0.0} / {1:0.0} / {2:0.0} ms", login.P50Ms, login.P99Ms, login.MaxMs));
        }

        Row(w, "managed memory per session", string.Format(c, "{0:0.0} KB", ManagedBytesPerSession / 1024));
        Row(w, "working set per session", string.Format(c, "{0:0.0} KB", WorkingSetBytesPerSession / 1024));
        Row(w, "threads after login", ThreadsAfterLogin.ToString(c));
        if (Idle is { } idle)
        {
            Row(w, "idle CPU right after login (this process)", string.Format(c, "{0:0.00} % of one core ({1:0.00} % of the machine) over {2:0.0} s", idle.CpuPercentOfOneCore, idle.CpuPercentOfMachine, idle.WallSeconds));
            Row(w, "idle CPU right after login (emulator)", string.Format(c, "{0:0.00} % of one core", idle.EmulatorCpuPercentOfOneCore));
            Row(w, "idle GC gen0/1/2", $"{idle.Gen0Collections}/{idle.Gen1Collections}/{idle.Gen2Collections}");
        }

        if (Load is { } load)
        {
            Row(w, "calls started / completed / failed / no idle agent", $"{CallsStarted} / {CallsCompleted} / {CallsFailed} / {CallsSkippedNoIdleAgent}");
            Row(w, "events handled", string.Format(c, "{0} ({1:0} /s)", load.Events, load.EventsPerSecond));
            foreach (var latency in Latencies)
            {
                Row(w, latency.Name + " p50 / p99 / max", string.Format(c, "{0:0.00} / {1:0.00} / {2:0.00} ms (n={3})", latency.P50Ms, latency.P99Ms, latency.MaxMs, latency.Count));
            }

            if (AllEventLatency is { } all)
            {
                Row(w, "all measured events p50 / p99 / max", string.Format(c, "{0:0.00} / {1:0.00} / {2:0.00} ms", all.P50Ms, all.P99Ms, all.MaxMs));
            }

            foreach (var stage in Stages)
            {
                Row(w, stage.Name + " p50 / p99 / max", string.Format(c, "{0:0.000} / {1:0.000} / {2:0.00} ms (n={3})", stage.P50Ms, stage.P99Ms, stage.MaxMs, stage.Count));
            }

            Row(w, "CPU pressure during load (some task waiting for a CPU)", load.CpuPressurePercent is { } p ? string.Format(c, "{0:0} % of the time", p) : "n/a");

            Row(w, "load CPU (this process)", string.Format(c, "{0:0.0} % of one core ({1:0.0} % of the machine)", load.CpuPercentOfOneCore, load.CpuPercentOfMachine));
            Row(w, "load CPU (emulator)", string.Format(c, "{0:0.0} % of one core", load.EmulatorCpuPercentOfOneCore));
            Row(w, "threads at end of load", load.ThreadsAtEnd.ToString(c));
            Row(w, "load GC gen0/1/2", $"{load.Gen0Collections}/{load.Gen1Collections}/{load.Gen2Collections}");
            Row(w, "allocated during load", string.Format(c, "{0:0.0} MB ({1:0} B per event)", load.AllocatedBytes / 1048576.0, load.Events == 0 ? 0 : load.AllocatedBytes / (double)load.Events));
        }

        if (IdleAfterLoad is { } steady)
        {
            Row(w, "idle CPU after load (this process)", string.Format(c, "{0:0.00} % of one core ({1:0.00} % of the machine) over {2:0.0} s", steady.CpuPercentOfOneCore, steady.CpuPercentOfMachine, steady.WallSeconds));
            Row(w, "idle CPU after load (emulator)", string.Format(c, "{0:0.00} % of one core", steady.EmulatorCpuPercentOfOneCore));
            Row(w, "CPU pressure while idle after load", steady.CpuPressurePercent is { } p ? string.Format(c, "{0:0} % of the time", p) : "n/a");
        }

        Row(w, "protocol errors / sessions lost", $"{ProtocolErrors} / {SessionsLost}");
        Row(w, "log off all", string.Format(c, "{0:0.00} s", DisposeSeconds));
        foreach (var failure in CallFailures)
        {
            Row(w, "call failure ×" + failure.Value.ToString(c), failure.Key);
        }

        w.WriteLine();
    }

    private static void Row(TextWriter w, string name, string value) => w.WriteLine($"| {name} | {value} |");
}
