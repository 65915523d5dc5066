using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Emulator.Core;
using DkCloud.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DkCloud.Emulator;

/// <summary>
/// A local DK-Cloud call center: the agent WebSocket protocol of <c>docs/protocol.md</c> at
/// <see cref="AgentWebSocketUrl"/>, an admin HTTP API at <see cref="AdminUrl"/> and the open API's
/// <c>placecall</c>, on 127.0.0.1 only. Customers, phones and back office are simulated.
/// </summary>
public sealed class DkCloudEmulator : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(1);

    private readonly WebApplication _app;
    private readonly EmulatorCore _core;
    private readonly CancellationTokenSource _stopping;
    private readonly ILogger _logger;
    private int _disposed;
    private Chaos.ChaosMonkey? _chaos;

    private readonly Sip.EmulatorSipServer _sip;
    private readonly Media.EmulatorMediaPlane _media;

    private DkCloudEmulator(WebApplication app, EmulatorCore core, Sip.EmulatorSipServer sip, Media.EmulatorMediaPlane media, CancellationTokenSource stopping, ILogger logger, int port)
    {
        _app = app;
        _core = core;
        _sip = sip;
        _media = media;
        _stopping = stopping;
        _logger = logger;
        var host = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
        AgentWebSocketUrl = new Uri($"ws://{host}/agent");
        AdminUrl = new Uri($"http://{host}/admin/");
        BaseUrl = new Uri($"http://{host}/");
    }

    /// <summary>The agent WebSocket endpoint, <c>ws://127.0.0.1:{port}/agent</c>.</summary>
    public Uri AgentWebSocketUrl { get; }

    /// <summary>The admin HTTP API, <c>http://127.0.0.1:{port}/admin/</c>.</summary>
    public Uri AdminUrl { get; }

    /// <summary>The root of the HTTP server, <c>http://127.0.0.1:{port}/</c>; the open API lives under <c>gw2/dky-open-api/version-2.0.0/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Turns chaos mode off (no more drops); a no-op when it is off.</summary>
    public void StopChaos() => _chaos?.Stop();

    /// <summary>How many sockets chaos mode has dropped so far (0 when it is off).</summary>
    public int ChaosDrops => _chaos?.Drops ?? 0;

    /// <summary>Every request the emulator received, oldest first (type, project, agent, time; never a token or password).</summary>
    public IReadOnlyList<EmulatorRequestRecord> Requests => _core.Requests();

    /// <summary>Starts an emulator and returns once it listens.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (ephemeral port, demo data).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<DkCloudEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentOutOfRangeException.ThrowIfNegative(options.WrapupSeconds);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);

        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("DkCloud.Emulator");
        var core = new EmulatorCore(options, logger);
        if (options.SeedDemoData)
        {
            core.SeedDemoData();
        }

        ArgumentNullException.ThrowIfNull(options.MediaTimeProvider);
        var sip = new Sip.EmulatorSipServer(options.WebRtcRealm, core.WebRtcExtensionPassword, options.MediaTimeProvider, logger);
        var media = new Media.EmulatorMediaPlane(sip, core, options.MediaTimeProvider, logger);
        core.AttachMedia(sip, media);
        var stopping = new CancellationTokenSource();
        var app = EmulatorHost.Build(options, core, sip, stopping.Token);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            media.Dispose();
            sip.Dispose();
            core.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        var port = new Uri(address).Port;
        core.SetSipPort(port);
        var emulator = new DkCloudEmulator(app, core, sip, media, stopping, logger, port);
        if (options.ChaosDropInterval is { } chaos)
        {
            if (chaos <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "ChaosDropInterval must be positive.");
            }

            emulator._chaos = new Chaos.ChaosMonkey(core, chaos, options.ChaosSeed, options.TimeProvider, logger);
            _ = emulator._chaos.RunAsync(stopping.Token);
        }

        logger.LogInformation("DK-Cloud emulator listening at {Url}", emulator.AgentWebSocketUrl);
        return emulator;
    }

    /// <summary>Adds a project (enterprise), or changes the token of an existing one.</summary>
    /// <param name="projectId">The enterprise code, e.g. <c>10010010010</c>.</param>
    /// <param name="token">The token agents log in with and the open API signs with.</param>
    public void AddProject(string projectId, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        ArgumentException.ThrowIfNullOrEmpty(token);
        _core.AddProject(projectId, token);
    }

    /// <summary>Adds an agent to a project, or updates it.</summary>
    /// <param name="projectId">An existing project.</param>
    /// <param name="agentNumber">The agent number (工号).</param>
    /// <param name="role">Ordinary or monitor.</param>
    /// <param name="crmId">The custom agent id (logins with <c>agentType</c> 1 use it).</param>
    /// <param name="agentName">The display name (defaults to the number).</param>
    public void AddAgent(string projectId, string agentNumber, EmulatorAgentRole role = EmulatorAgentRole.Ordinary, string? crmId = null, string? agentName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        ArgumentException.ThrowIfNullOrEmpty(agentNumber);
        _core.AddAgent(projectId, agentNumber, role, crmId, agentName);
    }

    /// <summary>Adds an extension to a project, or updates it. Mobiles (any 11-digit number) need not be added.</summary>
    /// <param name="projectId">An existing project.</param>
    /// <param name="extensionNumber">The extension number.</param>
    /// <param name="password">Its registration password.</param>
    /// <param name="extensionType">1 IP phone, 2 WebRTC, 3 mobile.</param>
    public void AddExtension(string projectId, string extensionNumber, string password, int extensionType)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        ArgumentException.ThrowIfNullOrEmpty(extensionNumber);
        ArgumentNullException.ThrowIfNull(password);
        _core.AddExtension(projectId, extensionNumber, password, extensionType);
    }

    /// <summary>Sets how the customer with this number behaves, replacing the number convention (blacklist, busy, no answer) for it.</summary>
    /// <param name="number">The customer's number.</param>
    /// <param name="behavior">The behaviour.</param>
    public void SetCustomer(string number, CustomerBehavior behavior)
    {
        ArgumentException.ThrowIfNullOrEmpty(number);
        ArgumentNullException.ThrowIfNull(behavior);
        _core.SetCustomer(number, new CustomerBehavior
        {
            AnswerAfter = behavior.AnswerAfter,
            HangupAfter = behavior.HangupAfter,
            Busy = behavior.Busy,
            NoAnswer = behavior.NoAnswer,
            ToneFrequency = behavior.ToneFrequency,
            VoiceFile = behavior.VoiceFile,
            RecordingPath = behavior.RecordingPath,
        });
    }

    /// <summary>
    /// What the customer of a call hears from WebRTC agents now (loudest frequency, level), or null when the call has
    /// no WebRTC leg. Kept for a while after the call ended.
    /// </summary>
    /// <param name="linkedId">The call.</param>
    public EmulatorHearing? GetCustomerHearing(string linkedId) => _media.CustomerHearing(linkedId);

    /// <summary>Whether the WebRTC extension holds a registration at the emulator's SIP server.</summary>
    /// <param name="extensionNumber">The extension.</param>
    public bool IsExtensionRegistered(string extensionNumber) => _sip.IsRegistered(extensionNumber);

    /// <summary>
    /// Aborts the extension's SIP WebSocket without a close handshake, as a network failure would; calls and their
    /// media stay up, and the extension is expected to reconnect and register again.
    /// </summary>
    /// <param name="extensionNumber">The extension.</param>
    /// <returns>False when the extension has no SIP connection.</returns>
    public bool DropSipConnection(string extensionNumber) => _sip.DropConnection(extensionNumber);

    /// <summary>
    /// Whether the SIP server refuses new WebSockets (HTTP 503), as a SIP server that is down would; existing
    /// connections are not touched. For fault tests: drop an extension's connection while this is set.
    /// </summary>
    public bool RefuseSipConnections
    {
        get => _sip.RefuseConnections;
        set => _sip.RefuseConnections = value;
    }

    /// <summary>A customer calls in and the agent's phone rings (a <c>RINGING</c> agent leg, option <c>in</c>); the agent answers with <c>answer</c>.</summary>
    /// <param name="projectId">The agent's project.</param>
    /// <param name="agentNumber">A logged-in agent with an extension and no call.</param>
    /// <param name="customerNumber">The calling number.</param>
    /// <param name="cancellationToken">Not used; for symmetry.</param>
    /// <returns>The call's <c>linkedId</c>.</returns>
    /// <exception cref="ArgumentException">Unknown project or agent.</exception>
    /// <exception cref="InvalidOperationException">The agent is not logged in, has no extension, or is on a call.</exception>
    public Task<string> InjectInboundCallAsync(string projectId, string agentNumber, string customerNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerNumber);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_core.InjectInbound(projectId, agentNumber, customerNumber));
    }

    /// <summary>The customer of the call hangs up (does nothing when the call is already over).</summary>
    /// <param name="linkedId">The call.</param>
    /// <param name="cancellationToken">Not used; for symmetry.</param>
    /// <returns>A completed task.</returns>
    public Task HangupCustomerAsync(string linkedId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(linkedId);
        cancellationToken.ThrowIfCancellationRequested();
        _core.HangupCustomer(linkedId);
        return Task.CompletedTask;
    }

    /// <summary>Aborts the agent's socket without a close handshake (the agent stays logged in, as after a network failure).</summary>
    /// <param name="projectId">The agent's project.</param>
    /// <param name="agentNumber">The agent.</param>
    /// <param name="cancellationToken">Not used; for symmetry.</param>
    /// <returns>A completed task.</returns>
    public Task DropConnectionAsync(string projectId, string agentNumber, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _core.DropConnection(projectId, agentNumber);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stalls the agent's connection: the TCP connection stays up but the emulator stops reading the agent's
    /// messages and sends nothing more on it (a half-open link). For fault tests.
    /// </summary>
    /// <param name="projectId">The agent's project.</param>
    /// <param name="agentNumber">The agent.</param>
    /// <param name="cancellationToken">Not used; for symmetry.</param>
    public Task StallConnectionAsync(string projectId, string agentNumber, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _core.StallConnection(projectId, agentNumber);
        return Task.CompletedTask;
    }

    /// <summary>Sets the agent's state as a back office would and pushes <c>agentState</c> to it.</summary>
    /// <param name="projectId">The agent's project.</param>
    /// <param name="agentNumber">The agent.</param>
    /// <param name="state">2 idle, 3 busy.</param>
    /// <param name="reason">The busy reason.</param>
    /// <param name="cancellationToken">Not used; for symmetry.</param>
    /// <returns>A completed task.</returns>
    public Task SetAgentStateAsync(string projectId, string agentNumber, int state, string? reason = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _core.BackOfficeSetState(projectId, agentNumber, state, reason);
        return Task.CompletedTask;
    }

    /// <summary>Forces the agent offline as a monitor would: <c>forceOffline</c>, then its socket is closed and it is logged out.</summary>
    /// <param name="projectId">The agent's project.</param>
    /// <param name="agentNumber">A logged-in agent.</param>
    /// <param name="monitorAgentId">Reported as <c>monitorAgentId</c>.</param>
    /// <param name="cancellationToken">Not used; for symmetry.</param>
    /// <returns>A completed task.</returns>
    public Task ForceOfflineAsync(string projectId, string agentNumber, string monitorAgentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(monitorAgentId);
        cancellationToken.ThrowIfCancellationRequested();
        _core.BackOfficeForceOffline(projectId, agentNumber, monitorAgentId);
        return Task.CompletedTask;
    }

    /// <summary>Binds another extension to the agent as the back office would and pushes <c>EXTENSION_BIND_UPDATE</c>.</summary>
    /// <param name="projectId">The agent's project.</param>
    /// <param name="agentNumber">The agent (not on a call).</param>
    /// <param name="extensionNumber">A configured extension, or an 11-digit mobile number.</param>
    /// <param name="extensionType">1 IP phone, 2 WebRTC, 3 mobile.</param>
    /// <param name="cancellationToken">Not used; for symmetry.</param>
    /// <returns>A completed task.</returns>
    public Task UpdateExtensionBindingAsync(string projectId, string agentNumber, string extensionNumber, int extensionType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(extensionNumber);
        cancellationToken.ThrowIfCancellationRequested();
        _core.BackOfficeBindExtension(projectId, agentNumber, extensionNumber, extensionType);
        return Task.CompletedTask;
    }

    /// <summary>A copy of the agent's state, or <see langword="null"/> for an unknown agent.</summary>
    /// <param name="projectId">The agent's project.</param>
    /// <param name="agentNumber">The agent.</param>
    /// <returns>The snapshot.</returns>
    public EmulatorAgentSnapshot? GetAgent(string projectId, string agentNumber) => _core.Snapshot(projectId, agentNumber);

    /// <summary>The DTMF digits the customer of the call received (one entry per <c>playdtmf</c>).</summary>
    /// <param name="linkedId">The call.</param>
    /// <returns>The digit strings, oldest first.</returns>
    public IReadOnlyList<string> ReceivedDtmf(string linkedId) => _core.ReceivedDtmf(linkedId);

    /// <summary>Closes the agent sockets and stops the server (within about 2 s). Safe to call more than once.</summary>
    /// <returns>A task that completes when the emulator is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var connection in _core.Connections())
        {
            connection.Close();
        }

        // Shutdown is bounded in wall-clock time, whatever clock the emulated calls use.
        var deadline = TimeProvider.System.GetTimestamp();
        while (_core.Connections().Count > 0 && TimeProvider.System.GetElapsedTime(deadline) < ShutdownGrace)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System).ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _logger.LogWarning("The emulator did not stop in time");
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _media.Dispose();
        _sip.Dispose();
        _core.Dispose();
        _stopping.Dispose();
    }
}
