using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.ScaleRunner;

/// <summary>The emulator in a child process (<c>dotnet DkCloud.Emulator.dll --port 0 --agents N --stamp-pushes</c>).</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private const string UrlPrefix = "Agent WebSocket: ";

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri agentUrl)
    {
        _process = process;
        AgentWebSocketUrl = agentUrl;
        AdminUrl = new Uri($"http://{agentUrl.Authority}/admin/");
    }

    public Uri AgentWebSocketUrl { get; }

    public Uri AdminUrl { get; }

    /// <summary>The child's CPU time so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The child's working set in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public static async Task<EmulatorProcess> StartAsync(string dllPath, int extraAgents, CancellationToken cancellationToken)
    {
        if (!File.Exists(dllPath))
        {
            throw new FileNotFoundException("The emulator is not built; run 'dotnet build -c Release benchmarks/DkCloud.ScaleRunner' or pass --emulator.", dllPath);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dllPath);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        start.ArgumentList.Add("--agents");
        start.ArgumentList.Add(extraAgents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--stamp-pushes");
        start.Environment["DOTNET_gcServer"] = "0";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith(UrlPrefix, StringComparison.Ordinal))
            {
                url.TrySetResult(new Uri(line[UrlPrefix.Length..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                Console.Error.WriteLine("emulator: " + e.Data);
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => url.TrySetException(new InvalidOperationException($"The emulator exited with code {process.ExitCode}."));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var agentUrl = await url.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
            return new EmulatorProcess(process, agentUrl);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Stop(_process);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>The emulator built next to this runner: src/DkCloud.Emulator/bin/{configuration}/net10.0.</summary>
    public static string DefaultPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent?.Name ?? "Release";
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DkCloud.Sdk.sln")))
            {
                return Path.Combine(dir.FullName, "src", "DkCloud.Emulator", "bin", configuration, "net10.0", "DkCloud.Emulator.dll");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "DkCloud.Emulator.dll");
    }
}
