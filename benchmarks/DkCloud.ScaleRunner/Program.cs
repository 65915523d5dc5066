using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk;

namespace DkCloud.ScaleRunner;

internal static class Program
{
    private const string ProjectId = "10010010010";

    private static async Task<int> Main(string[] args)
    {
        var options = RunnerOptions.Parse(args);
        if (options is null)
        {
            return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        if (options.WebRtcCalls is not null)
        {
            return await WebRtcMode.RunAsync(options, stop.Token).ConfigureAwait(false);
        }

        var report = new ScaleReport
        {
            Agents = options.Agents,
            LoadSeconds = options.Seconds,
            TargetCallsPerSecond = options.CallsPerSecond,
            TalkMilliseconds = options.TalkMilliseconds,
            LoginConcurrency = options.LoginConcurrency,
            ProcessorCount = Environment.ProcessorCount,
            Runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            ServerGc = System.Runtime.GCSettings.IsServerGC,
        };

        var emulatorPath = options.EmulatorPath ?? EmulatorProcess.DefaultPath();
        Console.WriteLine($"Starting the emulator ({emulatorPath}) with {options.Agents} extra agents…");
        using var emulator = await EmulatorProcess.StartAsync(emulatorPath, options.Agents, stop.Token).ConfigureAwait(false);
        Console.WriteLine($"Emulator at {emulator.AgentWebSocketUrl}");

        using var admin = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = emulator.AdminUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        ThreadPool.GetMinThreads(out var minWorkers, out _);
        report.MinWorkerThreads = minWorkers;

        var statistics = new RunStatistics();
        var slots = new AgentSlot[options.Agents];
        var baseline = Settle();
        var baselineSample = ProcessSample.Take();
        for (var i = 0; i < slots.Length; i++)
        {
            var number = (100_001 + i).ToString(CultureInfo.InvariantCulture);
            var client = new DkyClient(new DkyOptions
            {
                ProjectId = ProjectId,
                AgentNumber = number,
                Token = "demo-token",
                ExtensionNumber = number,
                InitType = ExtensionType.IpPhone,
                AgentWebSocketUrl = emulator.AgentWebSocketUrl,
                RequestTimeout = TimeSpan.FromSeconds(30),
                ConnectTimeout = TimeSpan.FromSeconds(30),
            });
            slots[i] = new AgentSlot(number, client, statistics);
        }

        // Phase 1: log every agent in, a bounded number at a time.
        Console.WriteLine($"Logging in {options.Agents} agents, {options.LoginConcurrency} at a time…");
        var loginLatency = new LatencyRecorder("login (InitAsync)");
        var loginFailures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var loginStart = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            slots,
            new ParallelOptions { MaxDegreeOfParallelism = options.LoginConcurrency, CancellationToken = stop.Token },
            async (slot, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await slot.Client.InitAsync(ct).ConfigureAwait(false);
                    loginLatency.RecordSince(started);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    loginFailures.AddOrUpdate(ex.GetType().Name + ": " + ex.Message, 1, static (_, n) => n + 1);
                }
            }).ConfigureAwait(false);
        report.LoginSeconds = Stopwatch.GetElapsedTime(loginStart).TotalSeconds;
        report.LoggedIn = slots.Count(s => s.Client.Login is not null);
        report.LoginLatency = loginLatency.Summarize();
        report.LoginFailures = new Dictionary<string, int>(loginFailures, StringComparer.Ordinal);
        Console.WriteLine($"Logged in {report.LoggedIn}/{options.Agents} in {report.LoginSeconds:0.00} s");
        foreach (var failure in loginFailures)
        {
            Console.WriteLine($"  login failure ×{failure.Value}: {failure.Key}");
        }

        // Phase 2: idle sessions (heartbeats only).
        var afterLogin = Settle();
        var afterLoginSample = ProcessSample.Take();
        report.ManagedBytesPerSession = (afterLogin - baseline) / (double)options.Agents;
        report.WorkingSetBytesPerSession = (afterLoginSample.WorkingSet - baselineSample.WorkingSet) / (double)options.Agents;
        report.ThreadsAfterLogin = afterLoginSample.Threads;
        Console.WriteLine($"Idle for {options.IdleSeconds} s…");
        var emulatorCpuIdleStart = emulator.CpuTime;
        var idleStart = ProcessSample.Take();
        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), stop.Token).ConfigureAwait(false);
        var idleEnd = ProcessSample.Take();
        report.Idle = PhaseReport.From(idleStart, idleEnd, 0, emulatorCpuIdleStart, emulator.CpuTime);

        // Phase 3: the call load.
        var loggedIn = slots.Where(s => s.Client.Login is not null).ToList();
        var load = new CallLoad(admin, loggedIn, statistics, TimeSpan.FromMilliseconds(options.TalkMilliseconds));
        Console.WriteLine($"Calls: {options.CallsPerSecond} per second for {options.Seconds} s across {loggedIn.Count} agents…");
        statistics.ClearLatencies();
        var eventsBefore = statistics.Events;
        var emulatorCpuLoadStart = emulator.CpuTime;
        var loadStart = ProcessSample.Take();
        using (new SdkStageListener(statistics))
        {
            if (options.Seconds > 0 && loggedIn.Count > 0)
            {
                await load.RunAsync(options.CallsPerSecond, TimeSpan.FromSeconds(options.Seconds), stop.Token).ConfigureAwait(false);
            }
        }

        var loadEnd = ProcessSample.Take();
        report.Load = PhaseReport.From(loadStart, loadEnd, statistics.Events - eventsBefore, emulatorCpuLoadStart, emulator.CpuTime);
        report.CallsStarted = statistics.CallsStarted;
        report.CallsCompleted = statistics.CallsCompleted;
        report.CallsFailed = statistics.CallsFailed;
        report.CallsSkippedNoIdleAgent = statistics.CallsSkippedNoIdleAgent;
        report.CallFailures = new Dictionary<string, int>(load.Failures, StringComparer.Ordinal);
        report.Latencies = [statistics.EmulatorSend.Summarize(), statistics.Ring.Summarize(), statistics.Answer.Summarize(), statistics.Hangup.Summarize()];
        report.Stages = [statistics.AdminRequest.Summarize(), statistics.SdkReader.Summarize(), statistics.SdkQueue.Summarize()];
        report.AllEventLatency = LatencyRecorder.Combine("all measured events", [statistics.Ring, statistics.Answer, statistics.Hangup]);
        report.ProtocolErrors = Interlocked.Read(ref statistics.ProtocolErrors);
        report.SessionsLost = Interlocked.Read(ref statistics.SessionsLost);
        report.EmulatorWorkingSetBytes = emulator.WorkingSet;

        // Phase 3b: idle again, now that every code path (heartbeat included) is compiled and tiered up.
        if (options.Seconds > 0)
        {
            Console.WriteLine($"Idle again for {options.IdleSeconds} s…");
            await Task.Delay(TimeSpan.FromSeconds(2), stop.Token).ConfigureAwait(false);
            var emulatorCpuSteadyStart = emulator.CpuTime;
            var steadyStart = ProcessSample.Take();
            await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), stop.Token).ConfigureAwait(false);
            report.IdleAfterLoad = PhaseReport.From(steadyStart, ProcessSample.Take(), 0, emulatorCpuSteadyStart, emulator.CpuTime);
        }

        // Phase 4: log everyone out.
        Console.WriteLine("Logging off…");
        var disposeStart = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            slots,
            new ParallelOptions { MaxDegreeOfParallelism = options.LoginConcurrency },
            async (slot, _) => await slot.Client.DisposeAsync().ConfigureAwait(false)).ConfigureAwait(false);
        report.DisposeSeconds = Stopwatch.GetElapsedTime(disposeStart).TotalSeconds;

        report.WriteTable(Console.Out);
        report.WriteJson(options.JsonPath);
        Console.WriteLine($"Numbers written to {System.IO.Path.GetFullPath(options.JsonPath)}");
        return report.LoggedIn == options.Agents ? 0 : 1;
    }

    /// <summary>Managed heap after a full, compacting collection.</summary>
    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
