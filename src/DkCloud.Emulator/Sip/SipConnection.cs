using System;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DkCloud.Emulator.Hosting;
using DkCloud.Sdk.WebRtc.Sip;
using Microsoft.Extensions.Logging;

namespace DkCloud.Emulator.Sip;

/// <summary>
/// One SIP-over-WebSocket connection from an extension (RFC 7118: one SIP message per WebSocket message). Messages
/// out go through an unbounded queue and one send loop, so the SIP stack never waits on the socket.
/// </summary>
internal sealed class SipConnection
{
    private const int MaxMessageBytes = 64 * 1024;
    private readonly WebSocket _socket;
    private readonly ILogger _logger;
    private readonly Channel<byte[]> _queue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private int _closed;

    public SipConnection(WebSocket socket, int id, ILogger logger)
    {
        _socket = socket;
        Id = id;
        _logger = logger;
    }

    public int Id { get; }

    public bool IsOpen => Volatile.Read(ref _closed) == 0;

    /// <summary>Queues one message; dropped when the connection is closed.</summary>
    public void Send(byte[] message)
    {
        if (IsOpen)
        {
            _queue.Writer.TryWrite(message);
        }
    }

    /// <summary>Aborts the socket at once (a network failure as the client sees it).</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closed, 1);
        _queue.Writer.TryComplete();
        _socket.Abort();
    }

    /// <summary>Reads messages until the socket closes; every parsed message goes to <paramref name="onMessage"/>.</summary>
    public async Task RunAsync(Action<SipConnection, SipMessage> onMessage, CancellationToken cancellationToken)
    {
        var sending = SendLoopAsync(cancellationToken);
        try
        {
            await ReceiveLoopAsync(onMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            _logger.LogDebug("SIP connection {Id} ended: {Reason}", Id, ex.Message);
        }
        finally
        {
            Interlocked.Exchange(ref _closed, 1);
            _queue.Writer.TryComplete();
            await sending.ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(Action<SipConnection, SipMessage> onMessage, CancellationToken cancellationToken)
    {
        using var reader = new WebSocketMessageReader(_socket, MaxMessageBytes);
        while (true)
        {
            switch (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                case WebSocketReadOutcome.Closed:
                    return;
                case WebSocketReadOutcome.TooBig:
                    _logger.LogWarning("SIP connection {Id} sent a message over {Max} bytes; closed", Id, MaxMessageBytes);
                    return;
            }

            // The parsed message keeps referring to its bytes: each one gets its own array.
            byte[] bytes = reader.Message.ToArray();
            if (SipMessage.TryParse(bytes, out SipMessage? parsed, out SipRejectReason reason))
            {
                onMessage(this, parsed!);
            }
            else
            {
                _logger.LogWarning("SIP connection {Id} sent an unparsable message ({Reason}); dropped", Id, reason);
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var bytes in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            _logger.LogDebug("SIP connection {Id} stopped sending: {Reason}", Id, ex.Message);
        }
    }
}
