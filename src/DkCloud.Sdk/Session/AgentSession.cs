using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Internal;
using DkCloud.Sdk.Protocol;
using Microsoft.Extensions.Logging;
using Websocket.Client;

namespace DkCloud.Sdk.Session;

/// <summary>
/// The agent WebSocket: one connection, many requests in flight, matched to their answers by
/// <c>requestId</c>, each with its own timeout. Messages are decoded on the socket's reader and handed to the
/// listener; user code never runs here. Losing the socket fails every pending request with a
/// <see cref="DkyConnectionException"/>.
/// </summary>
internal sealed class AgentSession : IAsyncDisposable
{
    private readonly DkyOptions _options;
    private readonly ILogger _logger;
    private readonly IAgentSessionListener _listener;
    private readonly Func<Uri, CancellationToken, Task<WebSocket>> _connector;
    private static readonly Task<bool> Refused = Task.FromResult(false);
    private readonly ConcurrentDictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
    private WebsocketClient? _socket;
    private FrameSender? _sender;
    private IDisposable? _messageSubscription;
    private IDisposable? _closeSubscription;
    private int _closing;
    private int _closedReported;
    private int _opened;

    public AgentSession(DkyOptions options, ILogger logger, IAgentSessionListener listener, Func<Uri, CancellationToken, Task<WebSocket>>? connector = null)
    {
        _options = options;
        _logger = logger;
        _listener = listener;
        _connector = connector ?? ConnectSocketAsync;
    }

    public bool IsConnected => _socket is { IsRunning: true } && Volatile.Read(ref _closedReported) == 0;

    public int PendingCount => _pending.Count;

    /// <summary>Opens the socket; throws <see cref="DkyConnectionException"/> when it cannot.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new WebsocketClient(_options.AgentWebSocketUrl!, null, ConnectAndKeepAsync)
        {
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            IsTextMessageConversionEnabled = true,
            Name = "dky-agent",
        };
        _messageSubscription = socket.MessageReceived.Subscribe(OnReceived);
        _closeSubscription = socket.DisconnectionHappened.Subscribe(OnDisconnected);
        _socket = socket;

        using var timeout = TimeoutScope.Start(_options.TimeProvider, _options.ConnectTimeout, cancellationToken);
        try
        {
            var start = socket.StartOrFail();
            var finished = await Task.WhenAny(start, Task.Delay(Timeout.Infinite, timeout.Token)).ConfigureAwait(false);
            if (finished != start)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new DkyConnectionException(ConnectionFailureKind.UnableToConnect, $"Connecting timed out after {_options.ConnectTimeout.TotalSeconds:0.#} s.");
            }

            await start.ConfigureAwait(false);
            Volatile.Write(ref _opened, 1);
        }
        catch (Exception ex) when (ex is not DkyConnectionException and not OperationCanceledException)
        {
            Release();
            throw new DkyConnectionException(ConnectionFailureKind.UnableToConnect, "Could not open the agent WebSocket: " + ex.Message, null, ex);
        }
        catch
        {
            Release();
            throw;
        }
    }

    /// <summary>
    /// Sends a command and waits for its answer. A timeout surfaces as <see cref="OperationCanceledException"/>
    /// with an inner <see cref="TimeoutException"/>; the caller's own cancellation never looks like a timeout.
    /// </summary>
    public async Task<ServerMessage> SendAsync(string type, RequestData data, CancellationToken cancellationToken, TimeSpan? timeout = null, bool silent = false)
    {
        var limit = timeout ?? _options.RequestTimeout;
        var socket = _socket;
        if (socket is null || !IsConnected || Volatile.Read(ref _closing) != 0)
        {
            throw new DkyConnectionException(ConnectionFailureKind.NotConnected, "The agent WebSocket is not connected.", type);
        }

        var id = RequestEncoder.NewRequestId();
        var pending = new PendingRequest(id, type, _options.TimeProvider.GetTimestamp(), silent);
        _pending[id] = pending;
        try
        {
            var bytes = RequestEncoder.Encode(type, id, _options.ProjectId, _options.AgentNumber, data);
            using var scope = TimeoutScope.Start(_options.TimeProvider, limit, cancellationToken);
            using (scope.Token.Register(static s => ((PendingRequest)s!).Completion.TrySetCanceled(), pending))
            {
                // Not awaited: a socket that stops taking bytes (a stalled peer) must not hold the request past its
                // timeout. The write finishes on this thread when the socket takes the frame at once, as it does
                // unless it is backed up; a refusal is known before anything is written.
                var sending = _sender is { } sender && socket.IsRunning ? sender.SendTextAsync(bytes) : Refused;
                if (sending.IsCompleted && !sending.Result)
                {
                    throw new DkyConnectionException(ConnectionFailureKind.NotConnected, "The agent WebSocket refused the message.", type);
                }

                try
                {
                    return await pending.Completion.Task.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    var elapsed = _options.TimeProvider.GetElapsedTime(pending.SentTimestamp);
                    throw new OperationCanceledException(
                        $"'{type}' got no answer within {limit.TotalSeconds:0.#} s.",
                        new TimeoutException($"'{type}' (requestId {id}) timed out after {elapsed.TotalMilliseconds:0} ms; {PendingCount - 1} other request(s) pending."));
                }
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Closes the socket politely (normal closure); pending requests fail.</summary>
    public async Task CloseAsync(string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        var socket = _socket;
        if (socket is not null && socket.IsRunning)
        {
            try
            {
                await socket.Stop(WebSocketCloseStatus.NormalClosure, reason).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Closing a broken socket may fail; the outcome is the same.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogDebug(ex, "Closing the agent WebSocket failed.");
            }
        }

        ReportClosed(new LinkClosedInfo(true, reason));
    }

    /// <summary>Drops a link that stopped answering: reported as lost (not expected), so the owner reconnects.</summary>
    public Task AbortAsync(string reason)
    {
        Interlocked.Exchange(ref _closing, 1);
        ReportClosed(new LinkClosedInfo(false, reason));
        Release();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync("disposed").ConfigureAwait(false);
        Release();
    }

    private void Release()
    {
        _messageSubscription?.Dispose();
        _closeSubscription?.Dispose();
        _socket?.Dispose();
        _socket = null;
        _sender = null;
    }

    private void OnReceived(ResponseMessage message)
    {
        var read = SessionEventSource.Log.IsEnabled() ? Stopwatch.GetTimestamp() : 0;
        try
        {
            Receive(message);
            if (read != 0)
            {
                SessionEventSource.Log.MessageRead(SessionEventSource.MicrosecondsSince(read));
            }
        }
#pragma warning disable CA1031 // Nothing may escape into the socket's receive loop: that would drop the link.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Handling a server message failed; the message was dropped.");
        }
    }

    private void Receive(ResponseMessage message)
    {
        if (message.MessageType == WebSocketMessageType.Binary)
        {
            _listener.OnProtocolError(new ProtocolErrorEventArgs(ProtocolErrorKind.BinaryFrame, "A binary frame was dropped; the protocol is text only.", null));
            return;
        }

        var bytes = message.Binary is { } b ? b : Encoding.UTF8.GetBytes(message.Text ?? string.Empty);
        if (bytes.Length > _options.MaxMessageBytes)
        {
            _listener.OnProtocolError(new ProtocolErrorEventArgs(ProtocolErrorKind.TooLarge, $"A message of {bytes.Length} bytes was dropped (limit {_options.MaxMessageBytes}).", null));
            return;
        }

        var decoded = MessageDecoder.Decode(bytes, out var error);
        if (decoded is null)
        {
            _listener.OnProtocolError(error!);
            return;
        }

        PendingRequest? pending = null;
        if (decoded.RequestId is { } id && _pending.TryRemove(id, out var p))
        {
            pending = p;
        }

        if (pending is { Silent: true } && string.Equals(pending.Type, WireTypes.Ping, StringComparison.Ordinal))
        {
            // A heartbeat's answer raises nothing and changes no state: it ends its wait here, without a trip
            // through the event worker.
            pending.Completion.TrySetResult(decoded);
            return;
        }

        _listener.OnMessage(decoded, pending);
    }

    private void OnDisconnected(DisconnectionInfo info)
    {
        var expected = Volatile.Read(ref _closing) != 0 || info.Type is DisconnectionType.ByUser or DisconnectionType.Exit;
        var description = info.CloseStatusDescription ?? info.Exception?.Message ?? info.Type.ToString();
        ReportClosed(new LinkClosedInfo(expected, description));
    }

    private void ReportClosed(LinkClosedInfo info)
    {
        // A socket that never opened never closes: a failed connect is reported by ConnectAsync alone.
        if (Volatile.Read(ref _opened) == 0 || Interlocked.Exchange(ref _closedReported, 1) != 0)
        {
            return;
        }

        // The owner hears of the close first, so its close events come before any failure they cause.
        _listener.OnClosed(info);
        foreach (var pending in _pending.Values)
        {
            pending.Completion.TrySetException(new DkyConnectionException(
                info.Expected ? ConnectionFailureKind.NotConnected : ConnectionFailureKind.ConnectionLost,
                "The agent WebSocket closed before the answer came: " + info.Description,
                pending.Type));
        }

        _pending.Clear();
    }

    /// <summary>Opens the socket for the client library and keeps it: requests are written to it directly.</summary>
    private async Task<WebSocket> ConnectAndKeepAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = await _connector(url, cancellationToken).ConfigureAwait(false);
        _sender = new FrameSender(socket, _logger);
        return socket;
    }

    private async Task<WebSocket> ConnectSocketAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
#if NET8_0_OR_GREATER
        if (_options.ServerCertificateValidation is { } validate)
        {
            socket.Options.RemoteCertificateValidationCallback = validate;
        }
#endif
        try
        {
            await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
