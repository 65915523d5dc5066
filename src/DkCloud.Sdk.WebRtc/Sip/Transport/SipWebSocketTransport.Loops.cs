using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Sip.Transport;

/// <summary>The receive, send and reconnect loops.</summary>
internal sealed partial class SipWebSocketTransport
{
    private async Task RunAsync(ClientWebSocket socket)
    {
        while (true)
        {
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
            Task sender = SendLoopAsync(socket, connection.Token);
            Exception? error = await ReceiveLoopAsync(socket).ConfigureAwait(false);
            connection.Cancel();
            await sender.ConfigureAwait(false);
            socket.Dispose();
            lock (_gate)
            {
                _connected = false;
            }

            Disconnected?.Invoke(error);
            if (_lifetime.IsCancellationRequested)
            {
                return;
            }

            ClientWebSocket? next = await ReconnectAsync().ConfigureAwait(false);
            if (next is null)
            {
                return;
            }

            socket = next;
            lock (_gate)
            {
                _socket = next;
                _connected = true;
            }

            Connected?.Invoke(true);
        }
    }

    private async Task<ClientWebSocket?> ReconnectAsync()
    {
        for (int attempt = 0; attempt < _options.ReconnectMaxAttempts; attempt++)
        {
            TimeSpan delay = SipReconnectBackoff.GetDelay(attempt, _options.ReconnectInitialDelay, _options.ReconnectMaxDelay, _options.ReconnectJitter, _random());
            try
            {
                await SipDelay.WaitAsync(_time, delay, _lifetime.Token).ConfigureAwait(false);
                ReconnectAttempt?.Invoke(attempt + 1);
                return await OpenAsync(_lifetime.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            catch (SipException)
            {
                // Try again after the next delay.
            }
        }

        Failed?.Invoke(new SipException(SipErrorCode.TransportClosed, "Reconnecting to " + _options.ServerUri + " gave up after " + _options.ReconnectMaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) + " attempts."));
        return null;
    }

    private async Task<Exception?> ReceiveLoopAsync(ClientWebSocket socket)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(_options.MaxMessageSize);
        try
        {
            while (true)
            {
                int length = 0;
                WebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        return new SipException(SipErrorCode.ProtocolError, "A WebSocket message exceeded " + buffer.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes.");
                    }

                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), _lifetime.Token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return null;
                    }

                    length += result.Count;
                }
                while (!result.EndOfMessage);

                Deliver(buffer.AsSpan(0, length).ToArray());
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (WebSocketException exception)
        {
            return exception;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Deliver(byte[] bytes)
    {
        if (IsKeepAlive(bytes))
        {
            return;
        }

        if (!SipMessage.TryParse(bytes, out SipMessage? message, out _))
        {
            DroppedMessages++;
            return;
        }

        MessageReceived?.Invoke(message!);
    }

    private static bool IsKeepAlive(byte[] bytes)
    {
        // RFC 5626 §4.4.1 CRLF keep-alives carry no message.
        foreach (byte b in bytes)
        {
            if (b != (byte)'\r' && b != (byte)'\n')
            {
                return false;
            }
        }

        return true;
    }

    private async Task SendLoopAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _queued.WaitAsync(cancellationToken).ConfigureAwait(false);
                byte[]? message;
                lock (_gate)
                {
                    message = _queue.First?.Value;
                    if (message is not null)
                    {
                        _queue.RemoveFirst();
                    }
                }

                if (message is null)
                {
                    continue;
                }

                try
                {
                    await socket.SendAsync(new ArraySegment<byte>(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
                {
                    // Keep the message for the next connection and let the receive loop notice the loss.
                    lock (_gate)
                    {
                        _queue.AddFirst(message);
                    }

                    _queued.Release();
                    socket.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended; queued messages wait for the next one.
        }
    }
}
