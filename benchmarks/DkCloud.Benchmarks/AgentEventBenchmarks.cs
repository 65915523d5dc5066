using System;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using BenchmarkDotNet.Attributes;
using DkCloud.Sdk;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Protocol;
using DkCloud.Sdk.Session;
using Microsoft.Extensions.Logging.Abstractions;

namespace DkCloud.Benchmarks;

/// <summary>
/// One call push (RINGING, ANSWERED or HANGUP of the document) turned into its typed event, three ways: the bare
/// source-generated deserializer (the baseline), the SDK's decoder and route table, and the whole client receive
/// path from the message's UTF-8 bytes, as the session's reader assembled them from the socket, to the user's handler.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class AgentEventBenchmarks
{
    /// <summary>Messages pushed through the client per invocation of <see cref="ClientReceivePath"/>.</summary>
    private const int Batch = 1000;

    private byte[] _utf8 = [];
    private JsonTypeInfo _typeInfo = null!;
    private DkyClient? _client;
    private Action<ReadOnlyMemory<byte>> _receive = null!;
    private AgentSession? _session;
    private readonly SemaphoreSlim _batchDone = new(0);
    private int _handled;

    /// <summary>The document's push.</summary>
    [Params(Payloads.Ring, Payloads.Answer, Payloads.Hangup)]
    public string Push { get; set; } = Payloads.Ring;

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Payloads.Read(Push);
        _typeInfo = Push switch
        {
            Payloads.Ring => DkyJsonContext.Default.RingEventArgs,
            Payloads.Answer => DkyJsonContext.Default.AnswerEventArgs,
            _ => DkyJsonContext.Default.HangupEventArgs,
        };

        _client = new DkyClient(new DkyOptions
        {
            ProjectId = "70037001001",
            AgentNumber = "9001",
            Token = "benchmark-token",
            ExtensionNumber = "9001",
            AgentWebSocketUrl = new Uri("ws://127.0.0.1:9/agent"),
        });
        _client.Ring += (_, _) => OnHandled();
        _client.Answer += (_, _) => OnHandled();
        _client.Hangup += (_, _) => OnHandled();

        // The client's own session listener, behind a session that never connects: the bytes take exactly the
        // path a received text message takes once the reader has it in its buffer (AgentSession.Receive →
        // DkyClient.OnServerMessage → event worker).
        var listener = (IAgentSessionListener)typeof(DkyClient)
            .GetField("_listener", BindingFlags.NonPublic | BindingFlags.Instance)!
            .GetValue(_client)!;
        _session = new AgentSession(_client.Options, NullLogger.Instance, listener);
        _receive = typeof(AgentSession)
            .GetMethod("Receive", BindingFlags.NonPublic | BindingFlags.Instance)!
            .CreateDelegate<Action<ReadOnlyMemory<byte>>>(_session);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _batchDone.Dispose();
    }

    /// <summary>What the event costs at least: System.Text.Json's generated reader into the same event type.</summary>
    [Benchmark(Baseline = true)]
    public object? BareDeserialize() => JsonSerializer.Deserialize(_utf8, _typeInfo);

    /// <summary>The SDK's decode: envelope check and fields (MessageDecoder), then the route's typed read.</summary>
    [Benchmark]
    public DkyEventArgs? DecodeAndRoute()
    {
        var message = MessageDecoder.Decode(_utf8, out _)!;
        return ProtocolMap.Find(message.Type, message.IsSuccess)!.Decode(message);
    }

    /// <summary>
    /// The whole receive path per message: the UTF-8 bytes the socket delivered (read into the session's pooled
    /// buffer), the session's copy and decode, the client's routing, call tracking and the hop to the event worker,
    /// up to the user's handler.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void ClientReceivePath()
    {
        Volatile.Write(ref _handled, 0);
        for (var i = 0; i < Batch; i++)
        {
            _receive(_utf8);
        }

        if (!_batchDone.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException($"Only {Volatile.Read(ref _handled)} of {Batch} events reached the handler.");
        }
    }

    private void OnHandled()
    {
        if (Interlocked.Increment(ref _handled) == Batch)
        {
            _batchDone.Release();
        }
    }
}
