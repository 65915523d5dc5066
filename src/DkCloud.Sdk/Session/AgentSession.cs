using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Internal;
using DkCloud.Sdk.Protocol;
using Microsoft.Extensions.Logging;

namespace DkCloud.Sdk.Session;

/// <summary>
/// The agent WebSocket: one connection, many requests in flight, matched to their answers by
/// <c>requestId</c>, each with its own timeout. The session reads the socket itself (<see cref="MessageReader"/>):
/// messages are decoded from the bytes the socket delivered, on the thread that read them, and handed to the
/// listener; user code never runs here. Requests are written by <see cref="FrameSender"/> on the caller's thread.
/// Losing the socket fails every pending request with a <see cref="DkyConnectionException"/>.
/// </summary>
internal sealed class AgentSession : IAsyncDisposable, IMessageSink
{
    private readonly DkyOptions _options;
    private readonly ILogger _logger;
    private readonly IAgentSessionListener _listener;
    private readonly Func<Uri, CancellationToken, Task<WebSocket>> _connector;
    private static readonly Task<bool> Refused = Task.FromResult(false);
    private readonly ConcurrentDictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
    private WebSocket? _socket;
    private FrameSender? _sender;
    private int _closing;
    private int _closedReported;
    private int _opened;

    public AgentSession(DkyOptions options, ILogger logger, IAgentSessionListener listener, Func<Uri, CancellationToken, Task<WebSocket>>? connector = null)
    {
        _options = options;
        _logger = logger;
        _listener = listener;
        _connector = connector ?? ((url, token) => AgentSocketConnector.ConnectAsync(options, url, token));
    }

    public bool IsConnected => Volatile.Read(ref _socket) is { State: WebSocketState.Open } && Volatile.Read(ref _closedReported) == 0;

    public int PendingCount => _pending.Count;

    /// <summary>Opens the socket and starts reading it; throws <see cref="DkyConnectionException"/> when it cannot.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        WebSocket socket;
        using (var timeout = TimeoutScope.Start(_options.TimeProvider, _options.ConnectTimeout, cancellationToken))
        {
            try
            {
                // The connector is told to stop at the timeout too, but one that does not listen must not hold the
                // caller past it: whatever it opens after that is closed.
                var connecting = _connector(_options.AgentWebSocketUrl!, timeout.Token);
                var finished = await Task.WhenAny(connecting, Task.Delay(Timeout.Infinite, timeout.Token)).ConfigureAwait(false);
                if (finished != connecting)
                {
                    DisposeWhenOpened(connecting);
                    cancellationToken.ThrowIfCancellationRequested();
                    throw TimedOut(_options.ConnectTimeout);
                }

                socket = await connecting.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.TimedOut)
            {
                throw TimedOut(_options.ConnectTimeout);
            }
            catch (Exception ex) when (ex is not DkyConnectionException and not OperationCanceledException)
            {
                throw new DkyConnectionException(ConnectionFailureKind.UnableToConnect, "Could not open the agent WebSocket: " + ex.Message, null, ex);
            }
        }

        _sender = new FrameSender(socket, _logger);
        Volatile.Write(ref _socket, socket);
        Volatile.Write(ref _opened, 1);

        // Started on the thread pool, so that not even its first read runs on the caller's thread (or its context).
        _ = Task.Run(() => ReadAsync(socket));
    }

    /// <summary>
    /// Sends a command and waits for its answer. A timeout surfaces as <see cref="OperationCanceledException"/>
    /// with an inner <see cref="TimeoutException"/>; the caller's own cancellation never looks like a timeout.
    /// </summary>
    public async Task<ServerMessage> SendAsync(string type, RequestData data, CancellationToken cancellationToken, TimeSpan? timeout = null, bool silent = false)
    {
        var limit = timeout ?? _options.RequestTimeout;
        if (!IsConnected || Volatile.Read(ref _closing) != 0)
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
                var sending = _sender is { } sender ? sender.SendTextAsync(bytes) : Refused;
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

    /// <summary>
    /// Closes the socket politely (normal closure), waiting for the server's answer at most
    /// <see cref="DkyOptions.DisposeTimeout"/>; pending requests fail.
    /// </summary>
    public async Task CloseAsync(string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        var socket = Volatile.Read(ref _socket);
        if (socket is { State: WebSocketState.Open })
        {
            // A server that no longer reads would otherwise hold the close handshake, and disposal, for ever;
            // cancelling it aborts the socket.
            using var timeout = TimeoutScope.Start(_options.TimeProvider, _options.DisposeTimeout, CancellationToken.None);
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token).ConfigureAwait(false);
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
        _sender = null;
        if (Interlocked.Exchange(ref _socket, null) is { } socket)
        {
            // Ends the reader's pending read; it sees _closing and reports nothing itself.
            socket.Abort();
            socket.Dispose();
        }
    }

    /// <summary>Reads the socket until it closes, then reports how it closed unless this side closed it.</summary>
    private async Task ReadAsync(WebSocket socket)
    {
        var failure = await MessageReader.ReadUntilClosedAsync(socket, _options.MaxMessageBytes, this).ConfigureAwait(false);
        if (Volatile.Read(ref _closing) != 0)
        {
            // CloseAsync or AbortAsync reports the close, with its own reason.
            return;
        }

        if (failure is not null)
        {
            ReportClosed(new LinkClosedInfo(false, socket.CloseStatusDescription ?? failure.Message));
            return;
        }

        ReportClosed(new LinkClosedInfo(false, socket.CloseStatusDescription ?? "ByServer"));
        try
        {
            // The close handshake's answer; the link is already reported lost, so its outcome changes nothing.
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "Closing", CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A socket closed by the server may already be gone.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogDebug(ex, "Answering the server's close failed.");
        }
    }

    void IMessageSink.OnText(ReadOnlyMemory<byte> utf8)
    {
        var read = SessionEventSource.Log.IsEnabled() ? Stopwatch.GetTimestamp() : 0;
        try
        {
            Receive(utf8);
            if (read != 0)
            {
                SessionEventSource.Log.MessageRead(SessionEventSource.MicrosecondsSince(read));
            }
        }
#pragma warning disable CA1031 // Nothing may escape into the socket's reader: that would drop the link.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Handling a server message failed; the message was dropped.");
        }
    }

    void IMessageSink.OnDropped(ProtocolErrorEventArgs error)
    {
        try
        {
            _listener.OnProtocolError(error);
        }
#pragma warning disable CA1031 // Nothing may escape into the socket's reader: that would drop the link.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Reporting a dropped server message failed.");
        }
    }

    /// <param name="utf8">The message as the socket delivered it, in the reader's pooled buffer.</param>
    private void Receive(ReadOnlyMemory<byte> utf8)
    {
        // The decoded message keeps its bytes (payloads are read on first use, answers outlive the read), so it gets
        // its own copy: the one allocation of the message's size, where a string and its re-encoding were two.
        var decoded = MessageDecoder.Decode(utf8.ToArray(), out var error);
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

    private static DkyConnectionException TimedOut(TimeSpan limit) =>
        new(ConnectionFailureKind.UnableToConnect, $"Connecting timed out after {limit.TotalSeconds:0.#} s.");

    /// <summary>A socket opened after the connect was given up on is closed at once.</summary>
    private static void DisposeWhenOpened(Task<WebSocket> connecting) =>
        connecting.ContinueWith(
            static t =>
            {
                if (t.Status == TaskStatus.RanToCompletion)
                {
                    t.Result.Dispose();
                }
                else
                {
                    _ = t.Exception; // observed: the caller has already been told it failed
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
