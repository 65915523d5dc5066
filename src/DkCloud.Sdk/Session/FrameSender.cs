using System;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DkCloud.Sdk.Session;

/// <summary>
/// Writes text frames straight to the agent WebSocket, one at a time (a WebSocket allows one send in flight), on
/// the caller's thread: no queue and no sending loop to wake. A frame the socket cannot take is logged and dropped,
/// as a queued one would be; the broken link is then reported by the reader.
/// </summary>
internal sealed class FrameSender
{
    private readonly WebSocket _socket;
    private readonly ILogger _logger;
    // Never disposed: it has no wait handle, and a send may still be finishing when the session lets go of it.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public FrameSender(WebSocket socket, ILogger logger)
    {
        _socket = socket;
        _logger = logger;
    }

    /// <summary>False when the socket is no longer open; the frame was not sent.</summary>
    public async Task<bool> SendTextAsync(byte[] frame)
    {
        if (_socket.State != WebSocketState.Open)
        {
            return false;
        }

        await _oneAtATime.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(new ArraySegment<byte>(frame), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            _logger.LogDebug(ex, "A frame could not be written to the agent WebSocket.");
        }
        finally
        {
            _oneAtATime.Release();
        }

        return true;
    }
}
