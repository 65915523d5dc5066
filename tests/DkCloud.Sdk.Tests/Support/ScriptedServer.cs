using System;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DkCloud.Sdk.Tests.Support;

/// <summary>
/// A WebSocket server on 127.0.0.1 that runs a test's script against each connection: for sending what a real
/// server never should (broken frames, double answers, silence).
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<ScriptedServer> StartAsync(Func<WebSocket, Task> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/agent", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            try
            {
                await script(socket);
            }
            catch (WebSocketException)
            {
                // The client went away; the script is over.
            }
        });
        await app.StartAsync();
        var address = app.Urls is { Count: > 0 } urls ? new Uri(System.Linq.Enumerable.First(urls)) : throw new InvalidOperationException("No address.");
        return new ScriptedServer(app, new Uri($"ws://127.0.0.1:{address.Port}/agent"));
    }

    public static async Task<JsonObject> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var total = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, total, buffer.Length - total), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("closed");
            }

            total += result.Count;
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, total))!.AsObject();
            }
        }
    }

    public static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Answers a request with code 200 and the given data.</summary>
    public static Task AnswerAsync(WebSocket socket, JsonObject request, string data = "{}", string code = "200") =>
        SendAsync(socket, $"{{\"type\":\"{request["type"]}\",\"requestId\":\"{request["requestId"]}\",\"code\":\"{code}\",\"message\":\"成功\",\"data\":{data}}}");

    /// <summary>Answers login and extension registration, the start of every mixin session.</summary>
    public static async Task AcceptLoginAsync(WebSocket socket)
    {
        var login = await ReceiveAsync(socket);
        await AnswerAsync(socket, login, "{\"agentRole\":1,\"agentId\":\"1001\"}");
        var register = await ReceiveAsync(socket);
        await AnswerAsync(socket, register);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
