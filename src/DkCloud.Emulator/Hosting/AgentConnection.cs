using System;
using System.Diagnostics;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DkCloud.Emulator.State;
using Microsoft.Extensions.Logging;

namespace DkCloud.Emulator.Hosting;

/// <summary>
/// One agent WebSocket. Messages to it go through its own unbounded queue and send loop, so a slow
/// client never blocks the emulator or the other agents.
/// </summary>
internal sealed class AgentConnection
{
    private const int MaxMessageBytes = 1024 * 1024;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly ILogger _logger;
    private readonly Channel<OutgoingFrame> _queue = Channel.CreateUnbounded<OutgoingFrame>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly CancellationTokenSource _receiveCancellation = new();
    private readonly bool _stampPushes;
    private int _closed;

    public AgentConnection(WebSocket socket, int id, ILogger logger, bool stampPushes = false)
    {
        _socket = socket;
        Id = id;
        _logger = logger;
        _stampPushes = stampPushes;
    }

    public int Id { get; }

    /// <summary>The agent this connection is logged in as. Guarded by the core's lock.</summary>
    public AgentData? Agent { get; set; }

    public bool IsOpen => Volatile.Read(ref _closed) == 0;

    /// <summary>
    /// A stalled connection keeps its TCP connection (and answers WebSocket pings) but neither reads the
    /// client's messages nor sends anything: a half-open link as a client sees it.
    /// </summary>
    public bool Stalled { get; set; }

    /// <summary>Queues a text message; with <paramref name="closeAfter"/> the socket is closed once it is sent.</summary>
    public void Enqueue(string text, bool closeAfter = false)
    {
        if (!IsOpen || Stalled)
        {
            return;
        }

        _queue.Writer.TryWrite(new OutgoingFrame(text, false));
        if (closeAfter)
        {
            Close();
        }
    }

    /// <summary>Closes the socket with a close handshake once the queued messages are sent.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _queue.Writer.TryWrite(new OutgoingFrame(null, true));
            _queue.Writer.TryComplete();
        }
    }

    /// <summary>Aborts the socket at once, without a close handshake.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closed, 1);
        _queue.Writer.TryComplete();
        _socket.Abort();
    }

    public async Task RunAsync(Action<AgentConnection, string> onMessage, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _receiveCancellation.Token);
        var sending = SendLoopAsync(cancellationToken);
        try
        {
            await ReceiveLoopAsync(onMessage, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            _logger.LogDebug("Connection {Id} ended: {Reason}", Id, ex.Message);
        }
        finally
        {
            Interlocked.Exchange(ref _closed, 1);
            _queue.Writer.TryComplete();
            await sending.ConfigureAwait(false);
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await TryCloseOutputAsync().ConfigureAwait(false);
            }

            _receiveCancellation.Dispose();
        }
    }

    private async Task ReceiveLoopAsync(Action<AgentConnection, string> onMessage, CancellationToken cancellationToken)
    {
        using var reader = new WebSocketMessageReader(_socket, MaxMessageBytes);
        while (true)
        {
            switch (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                case WebSocketReadOutcome.Closed:
                    return;
                case WebSocketReadOutcome.TooBig:
                    _logger.LogWarning("Connection {Id} sent a message over {Max} bytes; closed", Id, MaxMessageBytes);
                    return;
            }

            if (Stalled)
            {
                _logger.LogDebug("Connection {Id} is stalled; a message was ignored", Id);
            }
            else if (reader.MessageType == WebSocketMessageType.Binary)
            {
                _logger.LogWarning("Connection {Id} sent a binary frame; ignored", Id);
            }
            else
            {
                onMessage(this, Encoding.UTF8.GetString(reader.Message));
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (frame.Close)
                {
                    await TryCloseOutputAsync().ConfigureAwait(false);
                    _receiveCancellation.CancelAfter(CloseHandshakeTimeout);
                    return;
                }

                var text = _stampPushes ? PushStamp.Insert(frame.Text!, Stopwatch.GetTimestamp()) : frame.Text!;
                var bytes = Encoding.UTF8.GetBytes(text);
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            _logger.LogDebug("Connection {Id} stopped sending: {Reason}", Id, ex.Message);
        }
    }

    private async Task TryCloseOutputAsync()
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            _logger.LogDebug("Connection {Id} close failed: {Reason}", Id, ex.Message);
        }
    }
}
