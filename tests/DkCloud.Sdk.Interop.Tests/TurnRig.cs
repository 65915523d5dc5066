using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace DkCloud.Sdk.Interop.Tests;

/// <summary>
/// Starts coturn with tests/interop/turn-up.sh once for the TURN tests and stops it with turn-down.sh. If the script
/// fails, every test of the collection fails with its output: nothing is skipped.
/// </summary>
public sealed class TurnRig : IAsyncLifetime
{
    public IPEndPoint Server { get; private set; } = new(IPAddress.Loopback, 0);

    /// <summary>coturn's TLS listener.</summary>
    public IPEndPoint TlsServer { get; private set; } = new(IPAddress.Loopback, 0);

    /// <summary>The self-signed certificate (PEM) of the TLS listener.</summary>
    public string TlsCertificate { get; private set; } = string.Empty;

    public string Folder { get; } = FindFolder();

    public async Task InitializeAsync()
    {
        (int exitCode, string output, string errors) = await RunAsync("turn-up.sh");
        if (exitCode != 0)
        {
            throw new InvalidOperationException("tests/interop/turn-up.sh failed (exit " + exitCode + "):\n" + errors + "\n" + output);
        }

        foreach (string line in output.Split('\n'))
        {
            if (line.StartsWith("TURN_SERVER=", StringComparison.Ordinal))
            {
                Server = IPEndPoint.Parse(line["TURN_SERVER=".Length..].Trim());
            }
            else if (line.StartsWith("TURN_TLS_SERVER=", StringComparison.Ordinal))
            {
                TlsServer = IPEndPoint.Parse(line["TURN_TLS_SERVER=".Length..].Trim());
            }
            else if (line.StartsWith("TURN_TLS_CERT=", StringComparison.Ordinal))
            {
                TlsCertificate = line["TURN_TLS_CERT=".Length..].Trim();
            }
        }

        if (Server.Port == 0 || TlsServer.Port == 0 || !File.Exists(TlsCertificate))
        {
            throw new InvalidOperationException("turn-up.sh printed no TURN_SERVER, TURN_TLS_SERVER or TURN_TLS_CERT: " + output);
        }
    }

    public async Task DisposeAsync() => await RunAsync("turn-down.sh");

    /// <summary>Stops coturn and starts it again (same ports, a new TLS certificate): it forgets every allocation.</summary>
    public async Task RestartAsync()
    {
        await RunAsync("turn-down.sh");
        (int exitCode, string output, string errors) = await RunAsync("turn-up.sh");
        if (exitCode != 0)
        {
            throw new InvalidOperationException("tests/interop/turn-up.sh failed on restart (exit " + exitCode + "):\n" + errors + "\n" + output);
        }
    }

    /// <summary>The coturn log (for failure messages).</summary>
    public static string Log()
    {
        string path = Path.Combine(Environment.GetEnvironmentVariable("TURN_RUN") ?? "/tmp/dkcloud-turn", "turnserver.log");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] script) => InteropScripts.RunAsync(Folder, script);

    private static string FindFolder() => InteropScripts.FindFolder("turn-up.sh");
}

[CollectionDefinition(Name)]
public sealed class TurnCollection : ICollectionFixture<TurnRig>
{
    public const string Name = "TURN rig";
}
