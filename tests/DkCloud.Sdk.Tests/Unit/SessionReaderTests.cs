using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Protocol;
using DkCloud.Sdk.Session;
using DkCloud.Sdk.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DkCloud.Sdk.Tests.Unit;

/// <summary>How the session reads its socket: frames into messages, UTF-8 untouched, oversize messages cut short.</summary>
public sealed class SessionReaderTests
{
    private const int Limit = 64 * 1024;

    [Fact]
    public async Task A_message_split_into_many_small_frames_is_reassembled()
    {
        var socket = new FramedWebSocket();
        var listener = new RecordingListener(socket);
        await using var session = await ConnectAsync(socket, listener);

        var ring = Encoding.UTF8.GetBytes(Payloads.Read("7.3.4-ring.json"));
        socket.SendInFrames(ring, 7);
        var large = RealTimeData(40_000);
        socket.SendInFrames(large, 100);

        var first = await listener.NextMessageAsync();
        Assert.Equal(WireTypes.Ringing, first.Type);
        Assert.Equal(ring, first.Utf8.ToArray());
        var second = await listener.NextMessageAsync();
        Assert.Equal(WireTypes.RealTimeData, second.Type);
        Assert.Equal(large, second.Utf8.ToArray());
        Assert.Empty(listener.Errors);
    }

    [Fact]
    public async Task A_code_point_split_across_frames_decodes()
    {
        var socket = new FramedWebSocket();
        var listener = new RecordingListener(socket);
        await using var session = await ConnectAsync(socket, listener);

        // One byte per frame: every character of 成功 (three bytes each) is cut in two places.
        var message = Encoding.UTF8.GetBytes("{\"type\":\"realTimeData\",\"code\":\"200\",\"message\":\"成功\",\"data\":{\"callCount\":1}}");
        socket.SendInFrames(message, 1);

        var decoded = await listener.NextMessageAsync();
        Assert.Equal("成功", decoded.Message);
        Assert.Empty(listener.Errors);
    }

    [Fact]
    public async Task Invalid_utf8_from_the_socket_is_dropped_with_a_typed_error()
    {
        var socket = new FramedWebSocket();
        var listener = new RecordingListener(socket);
        await using var session = await ConnectAsync(socket, listener);

        // The bytes reach the decoder as sent: a lone 0xFF is not quietly replaced by U+FFFD on the way.
        var bad = Encoding.UTF8.GetBytes("{\"type\":\"realTimeData\",\"data\":{\"x\":\"?\"}}");
        bad[Array.IndexOf(bad, (byte)'?')] = 0xFF;
        socket.SendInFrames(bad, 4);
        var after = RealTimeData(10);
        socket.SendInFrames(after, after.Length);

        Assert.Equal(after, (await listener.NextMessageAsync()).Utf8.ToArray());
        Assert.Equal(ProtocolErrorKind.MalformedJson, Assert.Single(listener.Errors).Kind);
    }

    [Fact]
    public async Task An_oversize_message_is_dropped_as_soon_as_it_passes_the_limit_and_never_held_whole()
    {
        var socket = new FramedWebSocket();
        var listener = new RecordingListener(socket);
        await using var session = await ConnectAsync(socket, listener);

        // 64 MiB in frames of 16 KiB against a limit of 64 KiB. The first frames go out without the message's end:
        // the error must come while the rest is still to be sent.
        const int frame = 16 * 1024;
        const int frames = 4096;
        var chunk = Encoding.UTF8.GetBytes("{\"type\":\"realTimeData\",\"data\":{\"pad\":\"" + new string('x', frame) + "\"}}")[..frame];
        for (var i = 0; i < 6; i++)
        {
            socket.Send(WebSocketMessageType.Text, chunk, false);
        }

        var error = await listener.NextErrorAsync();
        Assert.Equal(ProtocolErrorKind.TooLarge, error.Kind);
        Assert.InRange(listener.DeliveredAtFirstError, Limit + 1, Limit + frame);

        for (var i = 6; i < frames; i++)
        {
            socket.Send(WebSocketMessageType.Text, chunk, i == frames - 1);
        }

        var after = RealTimeData(100);
        socket.SendInFrames(after, 1000);
        Assert.Equal(after, (await listener.NextMessageAsync()).Utf8.ToArray());
        Assert.Equal((long)frame * frames + after.Length, socket.Delivered);
        Assert.InRange(socket.LargestArray, 1, Limit);
        Assert.Single(listener.Errors);
        Assert.True(session.IsConnected);
    }

    [Fact]
    public async Task A_binary_message_in_frames_is_one_error_and_the_next_message_arrives()
    {
        var socket = new FramedWebSocket();
        var listener = new RecordingListener(socket);
        await using var session = await ConnectAsync(socket, listener);

        socket.Send(WebSocketMessageType.Binary, new byte[10_000], false);
        socket.Send(WebSocketMessageType.Binary, new byte[10_000], true);
        var after = RealTimeData(10);
        socket.SendInFrames(after, 3);

        Assert.Equal(after, (await listener.NextMessageAsync()).Utf8.ToArray());
        Assert.Equal(ProtocolErrorKind.BinaryFrame, Assert.Single(listener.Errors).Kind);
    }

    [Fact]
    public async Task The_servers_close_frame_is_reported_as_a_lost_link_and_an_abrupt_end_too()
    {
        var closed = new FramedWebSocket();
        var listener = new RecordingListener(closed);
        await using (var session = await ConnectAsync(closed, listener))
        {
            closed.Send(WebSocketMessageType.Close, [], true);
            var info = await listener.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(info.Expected);
            Assert.False(session.IsConnected);
        }

        var broken = new FramedWebSocket();
        var second = new RecordingListener(broken);
        await using (var session = await ConnectAsync(broken, second))
        {
            broken.Send(WebSocketMessageType.Text, [(byte)'{'], false);
            broken.Abort();
            var info = await second.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(info.Expected);
        }
    }

    private static async Task<AgentSession> ConnectAsync(FramedWebSocket socket, IAgentSessionListener listener)
    {
        var options = TestOptions.Valid();
        options.MaxMessageBytes = Limit;
        var session = new AgentSession(options, NullLogger.Instance, listener, (_, _) => Task.FromResult<WebSocket>(socket));
        await session.ConnectAsync(CancellationToken.None);
        return session;
    }

    private static byte[] RealTimeData(int padding) =>
        Encoding.UTF8.GetBytes("{\"type\":\"realTimeData\",\"data\":{\"callCount\":1,\"pad\":\"" + new string('y', padding) + "\"}}");

    /// <summary>Called on the session's reader, so it sees the socket exactly as the reader left it.</summary>
    private sealed class RecordingListener : IAgentSessionListener
    {
        private readonly FramedWebSocket _socket;
        private readonly Channel<ServerMessage> _messages = Channel.CreateUnbounded<ServerMessage>();
        private readonly Channel<ProtocolErrorEventArgs> _errors = Channel.CreateUnbounded<ProtocolErrorEventArgs>();
        private readonly List<ProtocolErrorEventArgs> _allErrors = new();

        public RecordingListener(FramedWebSocket socket) => _socket = socket;

        /// <summary>Payload bytes the socket had delivered when the first protocol error was reported.</summary>
        public long DeliveredAtFirstError { get; private set; } = -1;

        public TaskCompletionSource<LinkClosedInfo> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<ProtocolErrorEventArgs> Errors
        {
            get
            {
                lock (_allErrors)
                {
                    return _allErrors.ToList();
                }
            }
        }

        public Task<ServerMessage> NextMessageAsync() => _messages.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        public Task<ProtocolErrorEventArgs> NextErrorAsync() => _errors.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        public void OnMessage(ServerMessage message, PendingRequest? pending) => _messages.Writer.TryWrite(message);

        public void OnProtocolError(ProtocolErrorEventArgs error)
        {
            lock (_allErrors)
            {
                if (_allErrors.Count == 0)
                {
                    DeliveredAtFirstError = _socket.Delivered;
                }

                _allErrors.Add(error);
            }

            _errors.Writer.TryWrite(error);
        }

        public void OnClosed(LinkClosedInfo info) => Closed.TrySetResult(info);
    }
}
