using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace DkCloud.Sdk.Interop.Tests;

/// <summary>Finds the project's interop scripts (tests/interop) and runs them with bash.</summary>
internal static class InteropScripts
{
    /// <summary>The tests/interop folder above the test binaries that holds <paramref name="marker"/>.</summary>
    public static string FindFolder(string marker)
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, marker)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/interop/" + marker + " not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs a script of the folder with its arguments; returns its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string folder, params string[] script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(folder, script[0]));
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
}
