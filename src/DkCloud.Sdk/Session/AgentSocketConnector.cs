using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.Session;

/// <summary>Opens the agent WebSocket as the options say: certificate validation, no keep-alive frames.</summary>
internal static class AgentSocketConnector
{
    public static async Task<WebSocket> ConnectAsync(DkyOptions options, Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();

        // The heartbeat keeps the link busy and detects a dead one; unsolicited pongs would only wake both ends.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
#if NET8_0_OR_GREATER
        if (options.ServerCertificateValidation is { } validate)
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
