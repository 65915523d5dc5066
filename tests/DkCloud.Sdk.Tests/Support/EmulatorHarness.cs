using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DkCloud.Emulator;

namespace DkCloud.Sdk.Tests.Support;

/// <summary>An in-process emulator on 127.0.0.1 and the clients a test makes against it; disposes all.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    private readonly List<DkyClient> _clients = new();

    private EmulatorHarness(DkCloudEmulator emulator) => Emulator = emulator;

    public DkCloudEmulator Emulator { get; }

    public static async Task<EmulatorHarness> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions
        {
            AgentAnswerDelay = TimeSpan.FromMilliseconds(50),
            CustomerAnswerDelay = TimeSpan.FromMilliseconds(100),
            RingTimeout = TimeSpan.FromSeconds(2),
            WrapupSeconds = 2,
        };
        configure?.Invoke(options);
        return new EmulatorHarness(await DkCloudEmulator.StartAsync(options));
    }

    public DkyOptions Options(string agent = "1001", string? extension = null)
    {
        var o = TestOptions.Valid(Emulator.AgentWebSocketUrl, agent);
        o.ExtensionNumber = extension ?? agent;
        return o;
    }

    public (DkyClient Client, EventLog Log) Client(string agent = "1001", Action<DkyOptions>? configure = null)
    {
        var o = Options(agent);
        configure?.Invoke(o);
        var client = new DkyClient(o);
        _clients.Add(client);
        return (client, new EventLog(client));
    }

    public async Task<(DkyClient Client, EventLog Log)> LoggedInAsync(string agent = "1001", Action<DkyOptions>? configure = null)
    {
        var (client, log) = Client(agent, configure);
        await client.InitAsync();
        await log.WaitAsync<Events.InitEventArgs>();
        return (client, log);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients)
        {
            await c.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }
}
