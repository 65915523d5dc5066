using System;
using System.Net;
using System.Threading;
using DkCloud.Emulator.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DkCloud.Emulator.Hosting;

/// <summary>Builds the Kestrel application: 127.0.0.1 only, <c>/agent</c>, <c>/admin/</c> and the open API.</summary>
internal static class EmulatorHost
{
    public static WebApplication Build(EmulatorOptions options, EmulatorCore core, Sip.EmulatorSipServer sip, CancellationToken stopping)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Use(async (context, next) =>
        {
            // SIP over WebSocket (RFC 7118) for WebRTC extensions: any path, subprotocol "sip".
            if (context.WebSockets.IsWebSocketRequest && context.WebSockets.WebSocketRequestedProtocols.Contains("sip"))
            {
                await sip.HandleAsync(context, stopping).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        var agent = new AgentEndpoint(core, stopping);
        app.Map("/agent", (Microsoft.AspNetCore.Http.RequestDelegate)agent.HandleAsync);
        new AdminEndpoints(core).Map(app);
        var openApi = new OpenApiEndpoint(core);
        app.MapPost(OpenApiEndpoint.PlaceCallPath, openApi.PlaceCallAsync);
        return app;
    }
}
