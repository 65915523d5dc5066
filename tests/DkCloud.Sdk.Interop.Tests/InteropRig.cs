using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace DkCloud.Sdk.Interop.Tests;

/// <summary>
/// Starts tests/interop/up.sh once for the test run and stops it with down.sh. If up.sh fails, every test of the
/// collection fails with its output: nothing is skipped.
/// </summary>
public sealed class InteropRig : IAsyncLifetime
{
    public string Folder { get; } = FindFolder();

    public IReadOnlyDictionary<string, string> Endpoints { get; private set; } = new Dictionary<string, string>();

    public Uri WebSocketUri => new(Endpoints["SIP_WS_URL"]);

    public string Domain => Endpoints["SIP_DOMAIN"];

    public string LogDirectory => Endpoints["LOG_DIR"];

    public async Task InitializeAsync()
    {
        (int exitCode, string output, string errors) = await RunAsync("up.sh");
        if (exitCode != 0)
        {
            throw new InvalidOperationException("tests/interop/up.sh failed (exit " + exitCode + "):\n" + errors + "\n" + output);
        }

        var endpoints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in output.Split('\n'))
        {
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                endpoints[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        Endpoints = endpoints;
    }

    public async Task DisposeAsync() => await RunAsync("down.sh");

    /// <summary>Runs a baresip command through farend.sh and returns its JSON reply.</summary>
    public async Task<string> FarEndAsync(params string[] arguments)
    {
        var all = new List<string> { "farend.sh" };
        all.AddRange(arguments);
        (int exitCode, string output, string errors) = await RunAsync(all.ToArray());
        if (exitCode != 0)
        {
            throw new InvalidOperationException("farend.sh " + string.Join(' ', arguments) + " failed (exit " + exitCode + "): " + output + errors);
        }

        return output;
    }

    public string ReadLog(string name) => File.ReadAllText(Path.Combine(LogDirectory, name));

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        start.ArgumentList.Add(Path.Combine(Folder, script[0]));
        for (int i = 1; i < script.Length; i++)
        {
            start.ArgumentList.Add(script[i]);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    private static string FindFolder()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, "up.sh")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/interop/up.sh not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class InteropCollection : ICollectionFixture<InteropRig>
{
    public const string Name = "Interop rig";
}
