using System.Text.Json.Nodes;
using DkCloud.Emulator.Protocol;
using DkCloud.Emulator.State;

namespace DkCloud.Emulator.Core;

/// <summary>Envelopes and the pushes that are not call events.</summary>
internal sealed partial class EmulatorCore
{
    private string Realm => _options.WebRtcRealm;

    private string WebRtcIp => _options.WebRtcHost;

    private string PjsipPort => (_options.WebRtcPort != 0 ? _options.WebRtcPort : _sipPort).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private JsonObject Envelope(
        string projectId, string agentId, string crmId, string extension, string code, string message,
        JsonNode data, string eventType, string type, string requestId, bool withCreateTime = true) => new()
    {
        ["agentId"] = agentId,
        ["code"] = code,
        ["createTime"] = withCreateTime ? _time.GetUtcNow().ToUnixTimeMilliseconds() : null,
        ["crmId"] = crmId,
        ["data"] = data,
        ["eventType"] = eventType,
        ["extension"] = extension,
        ["innerAgentId"] = agentId,
        ["message"] = message,
        ["projectId"] = projectId,
        ["requestId"] = requestId,
        ["type"] = type,
    };

    private JsonObject Response(RequestContext context, AgentData? agent, string code, string message, JsonNode data)
    {
        var eventType = context.Type is "agentlogin" or "continuelogin" ? "AgentLogin" : "AgentInterface";
        return agent is null
            ? Envelope(context.ProjectId, context.ProjectId + context.AgentNumber, "", "", code, message, data, eventType, context.Type, context.RequestId)
            : Envelope(agent.Project.ProjectId, agent.SystemId, agent.CrmId, agent.SystemExtension, code, message, data, eventType, context.Type, context.RequestId);
    }

    private JsonObject Push(AgentData agent, string type, JsonObject data) =>
        Envelope(agent.Project.ProjectId, agent.SystemId, agent.CrmId, agent.SystemExtension, ErrorCodes.Success, "成功", data, type, type, Wire.NewRequestId());

    private void PushRealTimeData(AgentData agent) =>
        Send(agent, Push(agent, "realTimeData", new JsonObject
        {
            ["effectiveCallDuration"] = agent.EffectiveCallDuration,
            ["effectiveCallCount"] = agent.EffectiveCallCount,
            ["callCount"] = agent.CallCount,
        }));

    /// <summary>The 7.2.1 payload.</summary>
    private static JsonObject StatePayload(AgentData agent, string requestId) => new()
    {
        ["reason"] = agent.Reason,
        ["extension"] = agent.SystemExtension,
        ["requestId"] = requestId,
        ["state"] = agent.State,
        ["agentNumber"] = agent.SystemId,
        ["projectId"] = agent.Project.ProjectId,
    };

    /// <summary>The 7.3.5–7.3.8 payloads.</summary>
    private static JsonObject ModePayload(AgentData agent, string mode, string requestId, string description) => new()
    {
        ["mode"] = mode,
        ["extension"] = agent.SystemExtension,
        ["requestId"] = requestId,
        ["agentNumber"] = agent.SystemId,
        ["projectId"] = agent.Project.ProjectId,
        ["description"] = description,
    };

    private void PushExtensionBindUpdate(AgentData agent, string reason) =>
        Send(agent, Push(agent, "EXTENSION_BIND_UPDATE", new JsonObject
        {
            ["agentNumber"] = agent.SystemId,
            ["agentTelNumber"] = agent.SystemExtension,
            ["eventType"] = "EXTENSION_BIND_UPDATE",
            ["extension"] = agent.SystemExtension,
            ["extensionStateTime"] = Wire.DateTime(Now),
            ["extensionType"] = agent.ExtensionNumber is null ? 0 : agent.ExtensionType,
            ["projectId"] = agent.Project.ProjectId,
            ["realm"] = Realm,
            ["reason"] = reason,
            ["requestId"] = Wire.NewRequestId(),
            ["webrtcip"] = WebRtcIp,
        }));

    private static JsonObject Linked(CallSession call) => new() { ["linkedId"] = call.LinkedId };
}
