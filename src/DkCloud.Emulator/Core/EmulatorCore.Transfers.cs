using System;
using System.Globalization;
using System.Text.Json.Nodes;
using DkCloud.Emulator.Protocol;
using DkCloud.Emulator.State;

namespace DkCloud.Emulator.Core;

/// <summary>Consultation, consult transfer, blind transfer and three-way calls.</summary>
internal sealed partial class EmulatorCore
{
    private const string NotConsulting = "当前坐席未处于咨询通话无法调用咨询接回";
    private const string NotInMeet = "当前坐席未处于咨询三方通话无法调用咨询三方接回";

    /// <summary><c>consult</c> (<paramref name="role"/> Consult) and <c>atxfer</c> (AttendedTransfer).</summary>
    private JsonObject Consult(RequestContext context, AgentData agent, LegRole role)
    {
        var leg = OwnerTalkingLeg(agent);
        var mode = Mode(context, 1);
        var number = Required(context, "atxferNumber");
        var verb = role == LegRole.Consult ? "咨询" : "咨询转接";
        var agentCallType = role == LegRole.Consult ? "19" : "15";
        var externalCallType = role == LegRole.Consult ? "20" : "16";
        var targetId = StartConsultedLeg(leg, role, mode, number, verb, agentCallType, externalCallType);
        return new JsonObject
        {
            ["mode"] = mode.ToString(CultureInfo.InvariantCulture),
            ["extension"] = agent.SystemExtension,
            ["requestId"] = context.RequestId,
            ["atxferNumber"] = number,
            ["agentNumber"] = agent.SystemId,
            ["projectId"] = agent.Project.ProjectId,
            ["atxferAgentId"] = targetId,
        };
    }

    private JsonObject Meet(RequestContext context, AgentData agent)
    {
        var leg = OwnerTalkingLeg(agent);
        var mode = Mode(context, 1);
        var number = Required(context, "meetrNumber");
        var targetId = StartConsultedLeg(leg, LegRole.Meet, mode, number, "咨询三方", "17", "17");
        return new JsonObject
        {
            ["mode"] = mode.ToString(CultureInfo.InvariantCulture),
            ["extension"] = agent.SystemExtension,
            ["meetAgentId"] = targetId,
            ["requestId"] = context.RequestId,
            ["agentNumber"] = agent.SystemId,
            ["projectId"] = agent.Project.ProjectId,
        };
    }

    /// <summary>Rings the consulted agent (mode 0) or number (mode 1); returns its system id or number.</summary>
    private string StartConsultedLeg(CallLeg initiator, LegRole role, int mode, string number, string verb, string agentCallType, string externalCallType)
    {
        var call = initiator.Call;
        var initiatorAgent = initiator.Agent!;
        if (mode == 0)
        {
            var target = FreeTargetAgent(initiatorAgent, number, verb);
            AddTransferMessage(call, initiatorAgent, target.AgentNumber);
            var leg = NewAgentLeg(call, target, role, agentCallType);
            leg.Initiator = initiator;
            leg.Status = LegStatus.Ringing;
            call.Consulted = leg;
            SendLegEvent(leg, "RINGING", "180");
            ScheduleRingOut(leg);
            return target.SystemId;
        }

        RequireDialable(number);
        if (_customers.Refusal(number) is { } refusal)
        {
            throw new CommandException(refusal.Code, refusal.Message);
        }

        AddTransferMessage(call, initiatorAgent, number);
        var external = new CallLeg(call, null, number, role, externalCallType, Now)
        {
            ChannelName = NewChannelName(gateway: true),
            ChannelId = NewChannelId(),
            SipCallId = Wire.NewSipCallId(),
            Initiator = initiator,
            Status = LegStatus.Ringing,
        };
        call.Legs.Add(external);
        call.Consulted = external;
        SendLegEvent(external, "RINGING", "183");
        ScheduleExternalAnswer(external);
        return number;
    }

    private void ScheduleExternalAnswer(CallLeg leg)
    {
        var behavior = _customers.Behavior(leg.ExternalNumber!);
        var token = leg.Call.Cancellation.Token;
        if (behavior.Busy)
        {
            Schedule(TimeSpan.Zero, token, () => EndLeg(leg, "486"));
            return;
        }

        if (!behavior.NoAnswer && behavior.AnswerAfter < _options.RingTimeout)
        {
            Schedule(behavior.AnswerAfter, token, () =>
            {
                if (leg.Status == LegStatus.Ringing)
                {
                    AnswerLeg(leg);
                }
            });
        }

        Schedule(_options.RingTimeout, token, () =>
        {
            if (leg.Status == LegStatus.Ringing)
            {
                EndLeg(leg, "480");
            }
        });
    }

    private JsonObject AttendedTransferHangup(AgentData agent)
    {
        if (agent.Leg is not { } leg || leg.Call.Consulted is not { } consulted || consulted.Initiator != leg
            || consulted.Role is not (LegRole.Consult or LegRole.AttendedTransfer))
        {
            throw new CommandException(ErrorCodes.SystemError, NotConsulting);
        }

        EndLeg(consulted, "200");
        return Linked(leg.Call);
    }

    private JsonObject MeetHangup(RequestContext context, AgentData agent)
    {
        var type = Wire.GetString(context.Data, "type");
        if (type is not ("hangup" or "retrieve"))
        {
            throw new CommandException(ErrorCodes.BadRequest, "type参数错误,取值为hangup或retrieve");
        }

        if (agent.Leg is not { } leg || leg.Call.Consulted is not { Role: LegRole.Meet } consulted || consulted.Initiator != leg)
        {
            throw new CommandException(ErrorCodes.SystemError, NotInMeet);
        }

        EndLeg(consulted, "200");
        if (type == "retrieve")
        {
            SendLegEvent(leg, "ANSWERED", "200");
        }

        return Linked(leg.Call);
    }

    private JsonObject BlindMove(RequestContext context, AgentData agent)
    {
        var leg = OwnerTalkingLeg(agent);
        var call = leg.Call;
        var mode = Mode(context, 3);
        var number = Required(context, "transferNumber");
        string targetId;
        AgentData? target = null;
        switch (mode)
        {
            case 0:
                target = FreeTargetAgent(agent, number, "转接");
                targetId = target.SystemId;
                break;
            case 1:
                RequireDialable(number);
                targetId = number;
                break;
            default:
                targetId = number;
                break;
        }

        AddTransferMessage(call, agent, target?.AgentNumber ?? number);
        EndLeg(leg, "200");
        if (target is not null)
        {
            var transferred = NewAgentLeg(call, target, LegRole.BlindTransfer, "11");
            transferred.Status = LegStatus.Ringing;
            call.Owner = transferred;
            SendLegEvent(transferred, "RINGING", "180");
            ScheduleRingOut(transferred);
        }
        else
        {
            // The customer left for an outside number, an IVR or a queue: nothing of the call stays with an agent.
            EndCall(call);
        }

        return new JsonObject
        {
            ["mode"] = mode.ToString(CultureInfo.InvariantCulture),
            ["extension"] = agent.SystemExtension,
            ["requestId"] = context.RequestId,
            ["agentNumber"] = agent.SystemId,
            ["transferNumber"] = number,
            ["projectId"] = agent.Project.ProjectId,
            ["transferAgentId"] = targetId,
        };
    }

    /// <summary>The agent's leg, connected, owning the customer, with no other consultation going on.</summary>
    private static CallLeg OwnerTalkingLeg(AgentData agent)
    {
        var leg = TalkingLeg(agent);
        var call = leg.Call;
        if (leg != call.Owner || call.CustomerStatus != CustomerStatus.Up)
        {
            throw new CommandException(ErrorCodes.SystemError, ErrorCodes.NoCall);
        }

        if (call.Consulted is not null)
        {
            throw new CommandException(ErrorCodes.SystemError, "当前座席正在咨询中,请先结束咨询");
        }

        return leg;
    }

    private static AgentData FreeTargetAgent(AgentData initiator, string number, string verb)
    {
        var target = LoggedInAgent(initiator.Project, number, $"{verb}失败,当前座席未登录");
        if (target == initiator)
        {
            throw new CommandException(ErrorCodes.BadRequest, $"{verb}失败,不能{verb}当前座席自己");
        }

        if (target.Leg is not null)
        {
            throw new CommandException(ErrorCodes.SystemError, $"{verb}失败,当前坐席处于通话中");
        }

        if (target.ExtensionNumber is null)
        {
            throw new CommandException(ErrorCodes.ExtensionNotRegistered, $"{verb}失败,当前座席分机未注册");
        }

        return target;
    }

    private void AddTransferMessage(CallSession call, AgentData initiator, string targetId) =>
        call.TransferMessage[Wire.NewRequestId()] = new JsonObject
        {
            ["transferTime"] = Wire.DateTime(Now),
            ["initiateAgentId"] = initiator.AgentNumber,
            ["targetAgentId"] = targetId,
        };

    private static int Mode(RequestContext context, int max)
    {
        var mode = Wire.GetInt(context.Data, "mode") ?? 0;
        return mode >= 0 && mode <= max ? mode : throw new CommandException(ErrorCodes.BadRequest, "mode参数错误");
    }

    private static string Required(RequestContext context, string name)
    {
        var value = Wire.GetString(context.Data, name);
        return string.IsNullOrEmpty(value) ? throw new CommandException(ErrorCodes.BadRequest, $"{name}不能为空") : value;
    }
}
