using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DkCloud.Emulator;

namespace DkCloud.Sdk.Tests.Support;

/// <summary>The emulator in a process of its own, so a test can kill it and start it again on the same port.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private Process? _process;

    public EmulatorProcess(int port) => Port = port;

    public int Port { get; }

    public Uri AgentWebSocketUrl => new($"ws://127.0.0.1:{Port}/agent");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        var dll = typeof(DkCloudEmulator).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _process = Process.Start(info) ?? throw new InvalidOperationException("The emulator did not start.");
        var started = Stopwatch.StartNew();
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (line is null)
            {
                throw new InvalidOperationException("The emulator exited: " + await _process.StandardError.ReadToEndAsync());
            }

            if (line.StartsWith("Agent WebSocket:", StringComparison.Ordinal))
            {
                _ = DrainAsync(_process);
                return;
            }

            if (started.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The emulator did not report its address.");
            }
        }
    }

    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();

    private static async Task DrainAsync(Process process)
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync() is not null)
            {
            }
        }
        catch (InvalidOperationException)
        {
            // The process is gone.
        }
    }
}
