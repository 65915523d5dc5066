using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Emulator.Tests;

/// <summary>A raw WebSocket agent client: sends requests as protocol.md §2.1 and records every server message.</summary>
internal sealed class TestAgent : IAsyncDisposable
{
    public const string Project = "10010010010";
    public const string Token = "demo-token";
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private readonly ClientWebSocket _socket = new();
    private readonly List<JsonObject> _messages = [];
    private readonly HashSet<int> _taken = [];
    private readonly object _gate = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _reader;

    private TestAgent(string agentNumber) => AgentNumber = agentNumber;

    public string AgentNumber { get; }

    public Task Closed => _closed.Task;

    public static async Task<TestAgent> ConnectAsync(DkCloudEmulator emulator, string agentNumber)
    {
        var agent = new TestAgent(agentNumber);
        await agent._socket.ConnectAsync(emulator.AgentWebSocketUrl, CancellationToken.None);
        agent._reader = agent.ReadAsync();
        return agent;
    }

    /// <summary>Connects and logs in with the agent's own IP-phone extension.</summary>
    public static async Task<TestAgent> LoginAsync(DkCloudEmulator emulator, string agentNumber)
    {
        var agent = await ConnectAsync(emulator, agentNumber);
        var response = await agent.LoginAsync();
        if ((string?)response["code"] != "200")
        {
            throw new InvalidOperationException($"Login of {agentNumber} failed: {response.ToJsonString()}");
        }

        await agent.PushAsync("realTimeData");
        return agent;
    }

    public Task<JsonObject> LoginAsync(string type = "agentlogin", string token = Token, string? extension = null) =>
        RequestAsync(type, new JsonObject
        {
            ["token"] = token,
            ["agentType"] = 0,
            ["initType"] = 1,
            ["initialState"] = 2,
            ["extensionNumber"] = extension ?? AgentNumber,
        });

    public async Task<JsonObject> RequestAsync(string type, JsonObject? data = null)
    {
        var requestId = Guid.NewGuid().ToString("N");
        await SendTextAsync(new JsonObject
        {
            ["type"] = type,
            ["requestId"] = requestId,
            ["projectId"] = Project,
            ["agentNumber"] = AgentNumber,
            ["data"] = data ?? [],
        }.ToJsonString());
        return await WaitAsync(m => (string?)m["requestId"] == requestId);
    }

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next push of this type (call events: of this leg) not taken yet.</summary>
    public Task<JsonObject> PushAsync(string type, string? callLeg = null) =>
        WaitAsync(m => (string?)m["type"] == type && (callLeg is null || (string?)m["data"]?["callLeg"] == callLeg));

    /// <summary>Waits for the first message not taken yet that matches, and takes it.</summary>
    public async Task<JsonObject> WaitAsync(Func<JsonObject, bool> predicate, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (var i = 0; i < _messages.Count; i++)
                {
                    if (!_taken.Contains(i) && predicate(_messages[i]))
                    {
                        _taken.Add(i);
                        return _messages[i];
                    }
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Agent {AgentNumber} got no matching message; it got: {Dump()}");
            }
        }
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<JsonObject> Messages()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    /// <summary>The call pushes received so far as "TYPE leg" strings.</summary>
    public IReadOnlyList<string> CallEvents() =>
        [.. Messages()
            .Where(m => (string?)m["type"] is "RINGING" or "ANSWERED" or "HANGUP")
            .Select(m => $"{m["type"]} {m["data"]?["callLeg"]}")];

    public string Dump() => string.Join("\n", Messages().Select(m => m.ToJsonString()));

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }

        if (_reader is not null)
        {
            await _reader;
        }

        _socket.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var message = JsonNode.Parse(text.ToString())!.AsObject();
                text.Clear();
                lock (_gate)
                {
                    _messages.Add(message);
                    _changed.TrySetResult();
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        catch (WebSocketException)
        {
            // The server aborted the connection.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
