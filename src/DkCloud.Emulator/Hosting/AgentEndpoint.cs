using System.Threading;
using System.Threading.Tasks;
using DkCloud.Emulator.Core;
using Microsoft.AspNetCore.Http;

namespace DkCloud.Emulator.Hosting;

/// <summary>The agent WebSocket endpoint, <c>/agent</c>.</summary>
internal sealed class AgentEndpoint
{
    private readonly EmulatorCore _core;
    private readonly CancellationToken _stopping;

    public AgentEndpoint(EmulatorCore core, CancellationToken stopping)
    {
        _core = core;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await HttpJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "WebSocket requests only").ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = _core.CreateConnection(socket);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
            await connection.RunAsync(_core.HandleText, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _core.ConnectionClosed(connection);
        }
    }
}
