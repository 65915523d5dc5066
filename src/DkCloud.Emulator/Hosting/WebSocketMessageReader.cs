using System;
using System.Buffers;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Emulator.Hosting;

/// <summary>
/// Reads whole messages from a server-side WebSocket, frame by frame into one growing buffer, and closes the socket
/// with 1009 (message too big) as soon as a message passes its limit. One reader per socket; not thread-safe.
/// </summary>
internal sealed class WebSocketMessageReader : IDisposable
{
    private readonly WebSocket _socket;
    private readonly int _maxMessageBytes;
    private readonly MemoryStream _message = new();
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);

    public WebSocketMessageReader(WebSocket socket, int maxMessageBytes)
    {
        _socket = socket;
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>The kind of the last message read (text or binary).</summary>
    public WebSocketMessageType MessageType { get; private set; }

    /// <summary>The last message's bytes; valid until the next <see cref="ReadAsync"/>.</summary>
    public ReadOnlySpan<byte> Message => _message.GetBuffer().AsSpan(0, (int)_message.Length);

    /// <summary>
    /// Reads the next whole message: <see cref="WebSocketReadOutcome.Message"/>, or the end of the connection — the
    /// peer's close, or a message over the limit (the socket is then closed with 1009).
    /// </summary>
    public async Task<WebSocketReadOutcome> ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(WebSocketMessageReader));
        _message.SetLength(0);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketReadOutcome.Closed;
            }

            if (_message.Length + result.Count > _maxMessageBytes)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too big", cancellationToken).ConfigureAwait(false);
                return WebSocketReadOutcome.TooBig;
            }

            _message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                MessageType = result.MessageType;
                return WebSocketReadOutcome.Message;
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _message.Dispose();
    }
}
