using System;
using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace DkCloud.Sdk.Tests.Support;

/// <summary>
/// A WebSocket whose server is the test: it queues frames and the socket hands them to the reader as a real one
/// does. A frame larger than the reader's buffer comes in parts; a read with an empty buffer waits for the next frame
/// and takes none of its payload. It counts the payload bytes it delivered and remembers the largest array the
/// reader offered, which is what the reader holds in memory for a message.
/// </summary>
internal sealed class FramedWebSocket : WebSocket
{
    private readonly Channel<(WebSocketMessageType Type, byte[] Payload, bool End)> _frames =
        Channel.CreateUnbounded<(WebSocketMessageType, byte[], bool)>(new UnboundedChannelOptions { SingleReader = true });
    private (WebSocketMessageType Type, byte[] Payload, bool End)? _current;
    private int _offset;
    private long _delivered;
    private int _largestArray;
    private WebSocketState _state = WebSocketState.Open;

    /// <summary>Payload bytes handed to the reader so far.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>The longest array the reader read into.</summary>
    public int LargestArray => Volatile.Read(ref _largestArray);

    public override WebSocketCloseStatus? CloseStatus => _state == WebSocketState.Open ? null : WebSocketCloseStatus.NormalClosure;

    public override string? CloseStatusDescription => null;

    public override WebSocketState State => _state;

    public override string? SubProtocol => null;

    /// <summary>Queues one frame; <paramref name="end"/> false leaves the message open for more.</summary>
    public void Send(WebSocketMessageType type, byte[] payload, bool end) => _frames.Writer.TryWrite((type, payload, end));

    /// <summary>Queues a text message cut into frames of at most <paramref name="frameBytes"/>.</summary>
    public void SendInFrames(byte[] message, int frameBytes)
    {
        for (var offset = 0; offset < message.Length; offset += frameBytes)
        {
            var length = Math.Min(frameBytes, message.Length - offset);
            Send(WebSocketMessageType.Text, message.AsSpan(offset, length).ToArray(), offset + length == message.Length);
        }
    }

    public override void Abort() => Gone(WebSocketState.Aborted);

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        Gone(WebSocketState.Closed);
        return Task.CompletedTask;
    }

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
        => CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override void Dispose() => Gone(WebSocketState.Closed);

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        => Task.CompletedTask;

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await ReceiveAsync(buffer.AsMemory(), cancellationToken);
        return new WebSocketReceiveResult(result.Count, result.MessageType, result.EndOfMessage);
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (MemoryMarshal.TryGetArray<byte>(buffer, out var segment) && segment.Array is { } array && array.Length > _largestArray)
        {
            Volatile.Write(ref _largestArray, array.Length);
        }

        if (_current is null)
        {
            if (!await _frames.Reader.WaitToReadAsync(cancellationToken) || !_frames.Reader.TryRead(out var next))
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
            }

            (_current, _offset) = (next, 0);
        }

        var (type, payload, end) = _current.Value;
        if (type == WebSocketMessageType.Close)
        {
            _state = WebSocketState.CloseReceived;
            return new ValueWebSocketReceiveResult(0, WebSocketMessageType.Close, true);
        }

        var count = Math.Min(buffer.Length, payload.Length - _offset);
        payload.AsSpan(_offset, count).CopyTo(buffer.Span);
        _offset += count;
        Interlocked.Add(ref _delivered, count);
        var frameDone = _offset == payload.Length;
        if (frameDone)
        {
            _current = null;
        }

        return new ValueWebSocketReceiveResult(count, type, frameDone && end);
    }

    private void Gone(WebSocketState state)
    {
        if (_state is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            _state = state;
        }

        _frames.Writer.TryComplete();
    }
}
