using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;

namespace DkCloud.Sdk.Session;

/// <summary>
/// Reads a WebSocket until it closes, message by message, on the thread that completes each read: no queue and no
/// hop. A text message is assembled in a pooled <see cref="MessageBuffer"/> and handed over as the UTF-8 bytes the
/// socket delivered. A binary message, or a text message the moment it passes the size limit, is reported at once
/// and the rest of it is read and thrown away unkept: the link stays up, as for any other bad message.
/// </summary>
internal static class MessageReader
{
    /// <summary>
    /// Returns null when the server sent its close frame (not yet answered), or the exception that ended the reading
    /// (the link broke, or this side aborted or disposed the socket).
    /// </summary>
    public static async Task<Exception?> ReadUntilClosedAsync(WebSocket socket, int maxMessageBytes, IMessageSink sink)
    {
        using var message = new MessageBuffer(maxMessageBytes);
        var started = false;
        var discarding = false;
        try
        {
            while (true)
            {
                WebSocketMessageType type;
                int count;
                bool end;
#if NET8_0_OR_GREATER
                // Between messages the read waits with an empty buffer: the socket reports the next frame's header
                // without taking any of its payload, so an idle session holds no buffer at all.
                var space = discarding ? message.GetDiscardSpace() : started ? message.GetSpace() : default;
                var result = await socket.ReceiveAsync(space.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                (type, count, end) = (result.MessageType, result.Count, result.EndOfMessage);
#else
                var space = discarding ? message.GetDiscardSpace() : message.GetSpace();
                var result = await socket.ReceiveAsync(space, CancellationToken.None).ConfigureAwait(false);
                (type, count, end) = (result.MessageType, result.Count, result.EndOfMessage);
#endif
                if (type == WebSocketMessageType.Close)
                {
                    return null;
                }

                if (discarding)
                {
                    discarding = !end;
                    if (end)
                    {
                        message.Clear();
                    }

                    continue;
                }

                if (type == WebSocketMessageType.Binary)
                {
                    sink.OnDropped(new ProtocolErrorEventArgs(ProtocolErrorKind.BinaryFrame, "A binary frame was dropped; the protocol is text only.", null));
                    (started, discarding) = (false, !end);
                    message.Clear();
                    continue;
                }

                if (!message.Advance(count))
                {
                    sink.OnDropped(new ProtocolErrorEventArgs(ProtocolErrorKind.TooLarge, $"A message of more than {maxMessageBytes} bytes was dropped (limit {maxMessageBytes}).", null));
                    (started, discarding) = (false, !end);
                    message.Clear();
                    continue;
                }

                started = !end;
                if (end)
                {
                    sink.OnText(message.Message);
                    message.Clear();
                }
            }
        }
#pragma warning disable CA1031 // Whatever ends the reading ends the link; the owner reports it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }
}
