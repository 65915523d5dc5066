using System.Text.Json.Nodes;
using DkCloud.Emulator.Protocol;
using DkCloud.Emulator.State;

namespace DkCloud.Emulator.Core;

/// <summary>Listening in (<c>chanspy</c>).</summary>
internal sealed partial class EmulatorCore
{
    private JsonObject Chanspy(RequestContext context, AgentData monitor)
    {
        if (monitor.Role != EmulatorAgentRole.Monitor)
        {
            throw new CommandException(ErrorCodes.Forbidden, ErrorCodes.NoPermission);
        }

        var mode = Mode(context, 3);
        var agentId = Required(context, "agentId");
        var point = Wire.GetInt(context.Data, "point") ?? 0;
        if (point is not (0 or 1))
        {
            throw new CommandException(ErrorCodes.BadRequest, "point参数错误");
        }

        var monitorNumber = Wire.GetString(context.Data, "monitorNumber");
        if (string.IsNullOrEmpty(monitorNumber))
        {
            monitorNumber = monitor.AgentNumber;
        }

        var target = LoggedInAgent(monitor.Project, agentId, "监听失败,当前座席未登录");
        if (target.Leg is not { Status: LegStatus.Up } targetLeg)
        {
            throw new CommandException(ErrorCodes.SystemError, "监听失败,当前座席无通话");
        }

        if (mode == 3 && !targetLeg.Call.MeetActive)
        {
            throw new CommandException(ErrorCodes.SystemError, "监听失败,当前座席通话不是三方模式");
        }

        RequireNoCall(monitor);
        if (point == 1)
        {
            RequireDialable(monitorNumber);
        }
        else if (monitor.ExtensionNumber is null)
        {
            throw new CommandException(ErrorCodes.ExtensionNotRegistered, "监听失败,当前座席分机未注册");
        }

        var callType = mode switch { 0 => "10", 2 => "9", 3 => "18", _ => "8" };
        var leg = NewAgentLeg(targetLeg.Call, monitor, LegRole.Spy, callType, externalPhone: point == 1 ? monitorNumber : null);
        leg.SpyMode = mode;
        leg.Status = LegStatus.Ringing;
        SendLegEvent(leg, "RINGING", "180");
        if (leg.OverSip)
        {
            ScheduleRingOut(leg);
        }
        else
        {
            ScheduleMonitorAnswer(leg);
        }

        return new JsonObject
        {
            ["agentId"] = agentId,
            ["mode"] = mode,
            ["monitorNumber"] = monitorNumber,
            ["point"] = point,
        };
    }

    private void ScheduleMonitorAnswer(CallLeg leg) =>
        Schedule(_options.AgentAnswerDelay, leg.Call.Cancellation.Token, () =>
        {
            if (leg.Status == LegStatus.Ringing)
            {
                AnswerLeg(leg);
            }
        });
}
