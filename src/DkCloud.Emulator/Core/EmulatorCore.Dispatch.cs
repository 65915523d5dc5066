using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using DkCloud.Emulator.Hosting;
using DkCloud.Emulator.Protocol;
using DkCloud.Emulator.State;
using Microsoft.Extensions.Logging;

namespace DkCloud.Emulator.Core;

/// <summary>Parsing, routing and answering of the agent requests.</summary>
internal sealed partial class EmulatorCore
{
    /// <summary>Handles one text message from an agent socket.</summary>
    public void HandleText(AgentConnection connection, string text)
    {
        JsonObject? request;
        try
        {
            request = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException ex)
        {
            _logger.LogWarning("Connection {Id} sent malformed JSON ({Error}); ignored", connection.Id, ex.Message);
            return;
        }

        if (request is null)
        {
            _logger.LogWarning("Connection {Id} sent JSON that is not an object; ignored", connection.Id);
            return;
        }

        var context = new RequestContext(
            connection,
            Wire.GetString(request, "type") ?? "",
            Wire.GetString(request, "requestId") ?? Wire.NewRequestId(),
            Wire.GetString(request, "projectId") ?? "",
            Wire.GetString(request, "agentNumber") ?? "",
            request["data"] as JsonObject ?? []);

        lock (_gate)
        {
            Record(context.Type, context.ProjectId, context.AgentNumber);
            var before = connection.Agent;
            _outbox = [];
            try
            {
                JsonObject response;
                try
                {
                    var data = Execute(context);
                    response = Response(context, connection.Agent ?? before, ErrorCodes.Success, "成功", data);
                }
                catch (CommandException ex)
                {
                    _logger.LogInformation("{Type} from {Agent} refused: {Code} {Message}", context.Type, context.AgentNumber, ex.Code, ex.Message);
                    var data = ex.ErrorData ?? new JsonObject { ["state"] = "error", ["description"] = ex.Message };
                    response = Response(context, connection.Agent ?? before, ex.Code, ex.Message, data);
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or KeyNotFoundException or NullReferenceException)
                {
                    _logger.LogError(ex, "{Type} from {Agent} failed inside the emulator", context.Type, context.AgentNumber);
                    const string busy = "系统繁忙,请稍后再试!";
                    response = Response(context, connection.Agent ?? before, ErrorCodes.SystemError, busy,
                        new JsonObject { ["state"] = "error", ["description"] = busy });
                }

                connection.Enqueue(Wire.ToText(response));
                PlanMedia();
                foreach (var (target, message, closeAfter) in _outbox)
                {
                    target.Enqueue(message, closeAfter);
                }
            }
            finally
            {
                _outbox = null;
            }
        }
    }

    private JsonObject Execute(RequestContext context)
    {
        switch (context.Type)
        {
            case "ping":
                return [];
            case "agentlogin":
                return Login(context, squeeze: false);
            case "continuelogin":
                return Login(context, squeeze: true);
        }

        if (!IsKnown(context.Type))
        {
            throw new CommandException(ErrorCodes.BadRequest, $"不支持的请求类型: {context.Type}");
        }

        var agent = context.Connection.Agent;
        if (agent is null || !agent.LoggedIn)
        {
            throw new CommandException(ErrorCodes.AgentNotLoggedIn, ErrorCodes.NotLoggedIn);
        }

        return Route(context, agent);
    }

    private static bool IsKnown(string type) => type is "agentlogout" or "logoff" or "extensionregister" or "extensioncancel"
        or "switchextension" or "setagentstate" or "agentstate" or "placecall" or "answer" or "reject" or "hangup"
        or "forcehangup" or "hold" or "unhold" or "mute" or "unmute" or "consult" or "atxfer" or "atxferhangup"
        or "blindmove" or "meet" or "meethangup" or "servicelevel" or "playdtmf" or "chanspy";

    private JsonObject Route(RequestContext context, AgentData agent) => context.Type switch
    {
        "agentlogout" => Logout(context, agent),
        "logoff" => Logoff(context, agent),
        "extensionregister" => RegisterExtension(context, agent),
        "extensioncancel" => CancelExtension(agent),
        "switchextension" => SwitchExtension(context, agent),
        "setagentstate" => SetAgentState(context, agent),
        "agentstate" => QueryAgentState(agent),
        "placecall" => PlaceCall(context, agent),
        "answer" => Answer(agent),
        "reject" => Reject(agent),
        "hangup" => Hangup(context, agent),
        "forcehangup" => ForceHangup(context, agent),
        "hold" => Hold(context, agent, hold: true),
        "unhold" => Hold(context, agent, hold: false),
        "mute" => Mute(context, agent, mute: true),
        "unmute" => Mute(context, agent, mute: false),
        "consult" => Consult(context, agent, LegRole.Consult),
        "atxfer" => Consult(context, agent, LegRole.AttendedTransfer),
        "atxferhangup" => AttendedTransferHangup(agent),
        "blindmove" => BlindMove(context, agent),
        "meet" => Meet(context, agent),
        "meethangup" => MeetHangup(context, agent),
        "servicelevel" => ServiceLevel(agent),
        "playdtmf" => PlayDtmf(context, agent),
        _ => Chanspy(context, agent),
    };
}
