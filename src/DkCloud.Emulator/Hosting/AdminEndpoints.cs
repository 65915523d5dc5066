using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DkCloud.Emulator.Core;
using DkCloud.Emulator.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DkCloud.Emulator.Hosting;

/// <summary>The admin HTTP API under <c>/admin/</c>, for tests and manual play.</summary>
internal sealed class AdminEndpoints
{
    private readonly EmulatorCore _core;

    public AdminEndpoints(EmulatorCore core) => _core = core;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/admin/", IndexAsync);
        routes.MapGet("/admin/agents", AgentsAsync);
        routes.MapPost("/admin/inbound", InboundAsync);
        routes.MapPost("/admin/calls/{linkedId}/hangup", HangupAsync);
        routes.MapPost("/admin/agents/{projectId}/{agentNumber}/drop", DropAsync);
    }

    private static Task IndexAsync(HttpContext context) =>
        HttpJson.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["endpoints"] = new JsonArray(
                "GET /admin/agents",
                "POST /admin/inbound {projectId, agentNumber, customerNumber}",
                "POST /admin/calls/{linkedId}/hangup",
                "POST /admin/agents/{projectId}/{agentNumber}/drop"),
        });

    private Task AgentsAsync(HttpContext context)
    {
        var agents = new JsonArray([.. _core.Snapshots().Select(s => (JsonNode)new JsonObject
        {
            ["projectId"] = s.ProjectId,
            ["agentNumber"] = s.AgentNumber,
            ["loggedIn"] = s.LoggedIn,
            ["state"] = s.State,
            ["reason"] = s.Reason,
            ["extensionNumber"] = s.ExtensionNumber,
            ["extensionType"] = s.ExtensionType,
            ["currentLinkedId"] = s.CurrentLinkedId,
            ["onHold"] = s.OnHold,
            ["muted"] = s.Muted,
            ["connectionCount"] = s.ConnectionCount,
        })]);
        return HttpJson.WriteAsync(context, StatusCodes.Status200OK, agents);
    }

    private async Task InboundAsync(HttpContext context)
    {
        var body = await HttpJson.ReadObjectAsync(context).ConfigureAwait(false);
        var projectId = Wire.GetString(body, "projectId");
        var agentNumber = Wire.GetString(body, "agentNumber");
        var customerNumber = Wire.GetString(body, "customerNumber");
        if (string.IsNullOrEmpty(projectId) || string.IsNullOrEmpty(agentNumber) || string.IsNullOrEmpty(customerNumber))
        {
            await HttpJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "projectId, agentNumber and customerNumber are required").ConfigureAwait(false);
            return;
        }

        try
        {
            var linkedId = _core.InjectInbound(projectId, agentNumber, customerNumber);
            await HttpJson.WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["linkedId"] = linkedId }).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            await HttpJson.ErrorAsync(context, StatusCodes.Status404NotFound, ex.Message).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            await HttpJson.ErrorAsync(context, StatusCodes.Status409Conflict, ex.Message).ConfigureAwait(false);
        }
    }

    private Task HangupAsync(HttpContext context)
    {
        var linkedId = context.Request.RouteValues["linkedId"] as string ?? "";
        if (!_core.HangupCustomer(linkedId))
        {
            return HttpJson.ErrorAsync(context, StatusCodes.Status404NotFound, $"No call '{linkedId}'");
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private Task DropAsync(HttpContext context)
    {
        var projectId = context.Request.RouteValues["projectId"] as string ?? "";
        var agentNumber = context.Request.RouteValues["agentNumber"] as string ?? "";
        try
        {
            if (!_core.DropConnection(projectId, agentNumber))
            {
                return HttpJson.ErrorAsync(context, StatusCodes.Status404NotFound, $"Agent '{agentNumber}' has no connection");
            }
        }
        catch (ArgumentException ex)
        {
            return HttpJson.ErrorAsync(context, StatusCodes.Status404NotFound, ex.Message);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
