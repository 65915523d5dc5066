using System.Text.Json.Nodes;
using DkCloud.Emulator.Protocol;

namespace DkCloud.Emulator.Core;

/// <summary>The open HTTP API's <c>placecall</c> (document 7.2.3).</summary>
internal sealed partial class EmulatorCore
{
    /// <summary>Places a call for a logged-in agent as a CRM back end would; the agent gets the outbound sequence with callType 2.</summary>
    public JsonObject OpenApiPlaceCall(string? projectId, string? timestamp, string? sign, JsonObject? body)
    {
        using (Atomic())
        {
            var agentId = Wire.GetString(body, "agentId") ?? "";
            Record("openapi/placecall", projectId ?? "", agentId);
            if (projectId is null || timestamp is null || !_projects.TryGetValue(projectId, out var project)
                || !OpenApiSign.Verify(projectId, project.Token, timestamp, sign))
            {
                return new JsonObject { ["code"] = ErrorCodes.Forbidden, ["message"] = "签名错误" };
            }

            try
            {
                if (body is null)
                {
                    throw new CommandException(ErrorCodes.BadRequest, "请求体格式错误");
                }

                if (agentId.Length == 0)
                {
                    throw new CommandException(ErrorCodes.BadRequest, "agentId不能为空");
                }

                var agent = LoggedInAgent(project, agentId, ErrorCodes.NotLoggedIn);
                var call = StartOutbound(agent, Wire.GetString(body, "callednum"), "2", Wire.GetString(body, "userfield") ?? "", null);
                return new JsonObject
                {
                    ["code"] = ErrorCodes.Success,
                    ["message"] = "成功",
                    ["data"] = Linked(call),
                };
            }
            catch (CommandException ex)
            {
                return new JsonObject { ["code"] = ex.Code, ["message"] = ex.Message };
            }
        }
    }
}
