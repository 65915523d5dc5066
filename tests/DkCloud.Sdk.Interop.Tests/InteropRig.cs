using System;
using System.Collections.Generic;
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

    /// <summary>
    /// A softphone registered as <paramref name="user"/> (password "pass" + user) at the rig's Kamailio, its media on
    /// IPv4 loopback only (rtpengine listens there); <paramref name="media"/> sets what it sends.
    /// </summary>
    internal DkCloud.Sdk.WebRtc.Media.Softphone CreateSoftphone(Action<DkCloud.Sdk.WebRtc.Media.MediaSessionOptions> media, string user) =>
        new(new DkCloud.Sdk.WebRtc.Media.SoftphoneOptions(WebSocketUri, Domain, user, "pass" + user)
        {
            MediaOptions = () =>
            {
                var options = new DkCloud.Sdk.WebRtc.Media.MediaSessionOptions
                {
                    AddressFilter = address => address.Equals(System.Net.IPAddress.Loopback),
                    IncludeIPv6 = false,
                };
                media(options);
                return options;
            },
        });

    public string ReadLog(string name) => File.ReadAllText(Path.Combine(LogDirectory, name));

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] script) => InteropScripts.RunAsync(Folder, script);

    private static string FindFolder() => InteropScripts.FindFolder("up.sh");
}

[CollectionDefinition(Name)]
public sealed class InteropCollection : ICollectionFixture<InteropRig>
{
    public const string Name = "Interop rig";
}
