using System.Linq;
using System.Text.Json.Nodes;
using DkCloud.Emulator.Protocol;
using DkCloud.Emulator.State;

namespace DkCloud.Emulator.Core;

/// <summary>Commands on a connected call: hold, mute, DTMF, satisfaction survey.</summary>
internal sealed partial class EmulatorCore
{
    private static CallLeg TalkingLeg(AgentData agent) =>
        agent.Leg is { Status: LegStatus.Up } leg
            ? leg
            : throw new CommandException(ErrorCodes.SystemError, ErrorCodes.NoCall);

    private static JsonObject Hold(RequestContext context, AgentData agent, bool hold)
    {
        var leg = TalkingLeg(agent);
        if (leg.OnHold == hold)
        {
            throw new CommandException(ErrorCodes.SystemError, hold ? "当前通话已处于保持状态" : "当前通话未处于保持状态");
        }

        leg.OnHold = hold;
        return ModePayload(agent, hold ? "hold" : "unhold", context.RequestId, hold ? "通话保持开启" : "通话保持结束");
    }

    private static JsonObject Mute(RequestContext context, AgentData agent, bool mute)
    {
        var leg = TalkingLeg(agent);
        if (leg.Muted == mute)
        {
            throw new CommandException(ErrorCodes.SystemError, mute ? "座席侧已处于静音状态" : "座席侧未处于静音状态");
        }

        leg.Muted = mute;
        return ModePayload(agent, mute ? "mute" : "unmute", context.RequestId, mute ? "座席侧静音开启" : "座席侧静音结束");
    }

    private static JsonObject PlayDtmf(RequestContext context, AgentData agent)
    {
        var digit = Wire.GetString(context.Data, "digit");
        if (string.IsNullOrEmpty(digit) || !digit.All(c => char.IsAsciiDigit(c) || c is '*' or '#'))
        {
            throw new CommandException(ErrorCodes.BadRequest, "按键值错误,只能为0-9*#");
        }

        var leg = TalkingLeg(agent);
        leg.Call.Dtmf.Add(digit);
        return new JsonObject { ["digit"] = digit };
    }

    /// <summary>On a call the customer is passed to the survey (the call ends); in wrap-up the survey is for the last call.</summary>
    private JsonObject ServiceLevel(AgentData agent)
    {
        if (agent.Leg is { Status: LegStatus.Up } leg && leg == leg.Call.Owner)
        {
            EndCall(leg.Call, satisfaction: true);
            return [];
        }

        if (agent.Leg is null && agent.WrapupUntil is { } until && until > Now)
        {
            return [];
        }

        throw new CommandException(ErrorCodes.SystemError, ErrorCodes.NoCall);
    }
}
