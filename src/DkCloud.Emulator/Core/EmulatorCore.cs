using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Emulator.Hosting;
using DkCloud.Emulator.Protocol;
using DkCloud.Emulator.State;
using Microsoft.Extensions.Logging;

namespace DkCloud.Emulator.Core;

/// <summary>
/// The emulated call center. All state is guarded by one lock; handlers run under it and only queue
/// messages (never wait on a socket), so every agent sees a consistent, ordered view.
/// </summary>
internal sealed partial class EmulatorCore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, ProjectData> _projects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallSession> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _dtmf = new(StringComparer.Ordinal);
    private readonly List<EmulatorRequestRecord> _requests = [];
    private readonly HashSet<AgentConnection> _connections = [];
    private readonly CustomerCatalog _customers;
    private readonly CancellationTokenSource _stopping = new();
    private List<(AgentConnection Connection, string Text, bool CloseAfter)>? _outbox;
    private long _linkedSequence = 100000;
    private int _channelSequence = 0x880;
    private int _connectionIds;

    public EmulatorCore(EmulatorOptions options, ILogger logger)
    {
        _options = options;
        _time = options.TimeProvider;
        _logger = logger;
        _customers = new CustomerCatalog(options.CustomerAnswerDelay);
    }

    private DateTimeOffset Now => _time.GetLocalNow();

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping.Cancel();
            foreach (var call in _calls.Values)
            {
                call.Cancellation.Cancel();
                call.Dispose();
            }

            _calls.Clear();
        }

        _stopping.Dispose();
    }

    public AgentConnection CreateConnection(System.Net.WebSockets.WebSocket socket)
    {
        lock (_gate)
        {
            var connection = new AgentConnection(socket, ++_connectionIds, _logger, _options.StampPushes);
            _connections.Add(connection);
            return connection;
        }
    }

    public IReadOnlyList<AgentConnection> Connections()
    {
        lock (_gate)
        {
            return [.. _connections];
        }
    }

    /// <summary>The socket is gone: the agent stays logged in (it may reconnect) but gets no more messages on it.</summary>
    public void ConnectionClosed(AgentConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
            if (connection.Agent is { } agent && agent.Connection == connection)
            {
                agent.Connection = null;
            }

            connection.Agent = null;
        }
    }

    public void AddProject(string projectId, string token)
    {
        lock (_gate)
        {
            if (_projects.TryGetValue(projectId, out var project))
            {
                project.Token = token;
            }
            else
            {
                _projects.Add(projectId, new ProjectData(projectId, token));
            }
        }
    }

    public void AddAgent(string projectId, string agentNumber, EmulatorAgentRole role, string? crmId, string? agentName)
    {
        lock (_gate)
        {
            var project = ProjectOrThrow(projectId);
            if (project.Agents.TryGetValue(agentNumber, out var agent))
            {
                agent.Role = role;
                agent.CrmId = crmId ?? "";
                agent.AgentName = agentName ?? agentNumber;
            }
            else
            {
                project.Agents.Add(agentNumber, new AgentData(project, agentNumber, role, crmId ?? "", agentName ?? agentNumber));
            }
        }
    }

    public void AddExtension(string projectId, string extensionNumber, string password, int extensionType)
    {
        if (extensionType is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(extensionType), extensionType, "1 IP phone, 2 WebRTC or 3 mobile.");
        }

        lock (_gate)
        {
            var project = ProjectOrThrow(projectId);
            if (project.Extensions.TryGetValue(extensionNumber, out var extension))
            {
                extension.Password = password;
                extension.Type = extensionType;
            }
            else
            {
                project.Extensions.Add(extensionNumber, new ExtensionData(extensionNumber, password, extensionType));
            }
        }
    }

    public void SetCustomer(string number, CustomerBehavior behavior)
    {
        lock (_gate)
        {
            _customers.Set(number, behavior);
        }
    }

    public void SeedDemoData()
    {
        const string project = "10010010010";
        AddProject(project, "demo-token");
        AddAgent(project, "1001", EmulatorAgentRole.Ordinary, "abc123", "Alice");
        AddAgent(project, "1002", EmulatorAgentRole.Ordinary, null, "Bob");
        AddAgent(project, "1003", EmulatorAgentRole.Ordinary, null, "Carol");
        AddAgent(project, "9001", EmulatorAgentRole.Monitor, null, "Mona");
        foreach (var number in new[] { "1001", "1002", "1003", "9001" })
        {
            AddExtension(project, number, "123456", 1);
        }

        foreach (var number in new[] { "2001", "2002", "2003" })
        {
            AddExtension(project, number, "123456", 2);
        }
    }

    public EmulatorAgentSnapshot? Snapshot(string projectId, string agentNumber)
    {
        lock (_gate)
        {
            return _projects.TryGetValue(projectId, out var project) && project.Agents.TryGetValue(agentNumber, out var agent)
                ? Snapshot(agent)
                : null;
        }
    }

    public IReadOnlyList<EmulatorAgentSnapshot> Snapshots()
    {
        lock (_gate)
        {
            return [.. _projects.Values.SelectMany(p => p.Agents.Values).Select(Snapshot)];
        }
    }

    public IReadOnlyList<EmulatorRequestRecord> Requests()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public IReadOnlyList<string> ReceivedDtmf(string linkedId)
    {
        lock (_gate)
        {
            return _dtmf.TryGetValue(linkedId, out var digits) ? [.. digits] : [];
        }
    }

    private static EmulatorAgentSnapshot Snapshot(AgentData agent) => new()
    {
        ProjectId = agent.Project.ProjectId,
        AgentNumber = agent.AgentNumber,
        LoggedIn = agent.LoggedIn,
        State = agent.State,
        Reason = agent.Reason,
        ExtensionNumber = agent.ExtensionNumber,
        ExtensionType = agent.ExtensionNumber is null ? 0 : agent.ExtensionType,
        CurrentLinkedId = agent.Leg?.Call.LinkedId,
        OnHold = agent.Leg?.OnHold ?? false,
        Muted = agent.Leg?.Muted ?? false,
        ConnectionCount = agent.Connection is { IsOpen: true } ? 1 : 0,
    };

    private ProjectData ProjectOrThrow(string projectId) =>
        _projects.TryGetValue(projectId, out var project)
            ? project
            : throw new ArgumentException($"Unknown project '{projectId}'; call AddProject first.", nameof(projectId));

    private AgentData AgentOrThrow(string projectId, string agentNumber)
    {
        var project = ProjectOrThrow(projectId);
        return project.Agents.TryGetValue(agentNumber, out var agent)
            ? agent
            : throw new ArgumentException($"Unknown agent '{agentNumber}' in project '{projectId}'.", nameof(agentNumber));
    }

    private void Record(string type, string projectId, string agentNumber) =>
        _requests.Add(new EmulatorRequestRecord { Type = type, ProjectId = projectId, AgentNumber = agentNumber, Time = _time.GetUtcNow() });

    /// <summary>
    /// Enters the lock for a step that does not answer a request (a timer, a back-office action):
    /// its messages reach the sockets only when the step is complete, so a client never acts on a
    /// message before the step has armed its timers.
    /// </summary>
    private AtomicScope Atomic()
    {
        _gate.Enter();
        _outbox = [];
        return new AtomicScope(this);
    }

    public void EndAtomic()
    {
        try
        {
            PlanMedia();
            var outbox = _outbox;
            _outbox = null;
            foreach (var (connection, text, closeAfter) in outbox ?? [])
            {
                connection.Enqueue(text, closeAfter);
            }
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>Queues a message to the agent's socket (after the response, while a request is being handled).</summary>
    private void Send(AgentData agent, JsonObject message, bool closeAfter = false)
    {
        if (agent.Connection is { } connection)
        {
            SendTo(connection, message, closeAfter);
        }
    }

    private void SendTo(AgentConnection connection, JsonObject message, bool closeAfter = false)
    {
        var text = Wire.ToText(message);
        if (_outbox is not null)
        {
            _outbox.Add((connection, text, closeAfter));
        }
        else
        {
            connection.Enqueue(text, closeAfter);
        }
    }

    /// <summary>Runs <paramref name="action"/> under the lock after <paramref name="delay"/> of the emulator's clock, unless cancelled first.</summary>
    private void Schedule(TimeSpan delay, CancellationToken cancellationToken, Action action) =>
        _ = RunLaterAsync(delay, cancellationToken, action);

    private async Task RunLaterAsync(TimeSpan delay, CancellationToken cancellationToken, Action action)
    {
        // The timer is registered before this method first yields, so the emulator's clock (a fake one
        // in tests) always sees it; the step itself never runs inline under the caller's lock.
        var wait = Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, _time, cancellationToken);
        try
        {
            await wait.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using (Atomic())
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                action();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or CommandException)
            {
                _logger.LogError(ex, "A scheduled call step failed");
            }
        }
    }

    private string NewLinkedId() =>
        string.Create(CultureInfo.InvariantCulture, $"cti2-{_time.GetUtcNow().ToUnixTimeMilliseconds()}.{++_linkedSequence}");

    private string NewChannelId() =>
        string.Create(CultureInfo.InvariantCulture, $"cti2-{_time.GetUtcNow().ToUnixTimeSeconds()}.{++_channelSequence}");

    private string NewChannelName(bool gateway) =>
        string.Create(CultureInfo.InvariantCulture, $"PJSIP/{(gateway ? "gateway" : "regserver")}-{++_channelSequence:x8}");
}
