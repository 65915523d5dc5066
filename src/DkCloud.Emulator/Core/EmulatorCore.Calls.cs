using System;
using System.Linq;
using System.Text.Json.Nodes;
using DkCloud.Emulator.Protocol;
using DkCloud.Emulator.State;

namespace DkCloud.Emulator.Core;

/// <summary>Call set-up and tear-down: outbound, inbound, answer, reject, hang-up.</summary>
internal sealed partial class EmulatorCore
{
    private JsonObject PlaceCall(RequestContext context, AgentData agent)
    {
        var data = context.Data;
        var display = new[] { "mobileTelx", "fixedTelx", "trunkNumberGroups", "trunkNumberGroupId" }
            .Select(name => Wire.GetString(data, name))
            .Where(value => !string.IsNullOrEmpty(value))
            .ToList();
        if (display.Count > 1)
        {
            throw new CommandException(ErrorCodes.BadRequest, "手机外显/固话外显/中继组集合外显/中继组id只能选一");
        }

        var number = Wire.GetString(data, "callednum");
        var call = StartOutbound(agent, number, "0", Wire.GetString(data, "userfield") ?? "",
            Wire.GetString(data, "mobileTelx") ?? Wire.GetString(data, "fixedTelx"));
        return Linked(call);
    }

    /// <summary>Validates and places an outbound call; the agent leg rings first (protocol §4.1).</summary>
    private CallSession StartOutbound(AgentData agent, string? number, string callType, string userField, string? displayNumber)
    {
        RequireNoCall(agent);
        RequireDialable(number);
        if (_customers.Refusal(number!) is { } refusal)
        {
            throw new CommandException(refusal.Code, refusal.Message);
        }

        if (agent.ExtensionNumber is null)
        {
            throw new CommandException(ErrorCodes.ExtensionNotBound, "分机未绑定");
        }

        var call = NewCall(agent.Project, number!, "out");
        call.DisplayNumber = string.IsNullOrEmpty(displayNumber) ? agent.Project.DisplayNumber : displayNumber;
        call.UserField = userField;
        call.Placer = agent;
        agent.CallCount++;
        var leg = NewAgentLeg(call, agent, LegRole.Primary, callType, primary: true);
        call.Owner = leg;
        leg.Status = LegStatus.Ringing;
        SendLegEvent(leg, "RINGING", "180");
        if (leg.OverSip)
        {
            // The extension's INVITE rings; its 200 OK answers the agent leg, or the ring timeout ends the call.
            ScheduleRingOut(leg);
            return call;
        }

        Schedule(_options.AgentAnswerDelay, call.Cancellation.Token, () =>
        {
            if (leg.Status == LegStatus.Ringing)
            {
                AnswerOutboundAgentLeg(leg);
            }
        });
        return call;
    }

    private static void RequireDialable(string? number)
    {
        if (string.IsNullOrEmpty(number) || number.Length is < 3 or > 20 || !number.All(char.IsAsciiDigit))
        {
            throw new CommandException(ErrorCodes.BadRequest, "被叫号码格式错误");
        }
    }

    private CallSession NewCall(ProjectData project, string customerNumber, string option)
    {
        var call = new CallSession(NewLinkedId(), project, customerNumber, option, _customers.Behavior(customerNumber), Now, _stopping.Token)
        {
            CustomerChannelName = NewChannelName(gateway: true),
            CustomerChannelId = NewChannelId(),
            CustomerSipCallId = Wire.NewSipCallId(),
        };
        _calls.Add(call.LinkedId, call);
        _dtmf[call.LinkedId] = call.Dtmf;
        return call;
    }

    private CallLeg NewAgentLeg(CallSession call, AgentData agent, LegRole role, string callType, bool primary = false, string? externalPhone = null)
    {
        var leg = new CallLeg(call, agent, externalPhone, role, callType, Now)
        {
            ChannelName = NewChannelName(gateway: externalPhone is not null || agent.ExtensionType == 3),
            ChannelId = primary ? call.LinkedId : NewChannelId(),
            SipCallId = Wire.NewSipCallId(),
        };
        leg.OverSip = externalPhone is null && RingsOverSip(agent);
        if (leg.OverSip)
        {
            _sipCalls.Add(call.LinkedId);
        }

        call.Legs.Add(leg);
        agent.Leg = leg;
        agent.WrapupUntil = null;
        agent.ActivitySince = Now;
        return leg;
    }

    private void AnswerOutboundAgentLeg(CallLeg leg)
    {
        var call = leg.Call;
        leg.Status = LegStatus.Up;
        leg.AnswerTime = Now;
        SendLegEvent(leg, "ANSWERED", "200");
        call.CustomerStatus = CustomerStatus.Ringing;
        call.CustomerRingTime = Now;
        SendCustomerEvent(call, "RINGING", "183");
        var token = call.Cancellation.Token;
        var behavior = call.Customer;
        if (behavior.Busy)
        {
            Schedule(TimeSpan.Zero, token, () => EndCall(call, customerDialCode: "486"));
            return;
        }

        if (!behavior.NoAnswer && behavior.AnswerAfter < _options.RingTimeout)
        {
            Schedule(behavior.AnswerAfter, token, () =>
            {
                if (call.CustomerStatus == CustomerStatus.Ringing)
                {
                    CustomerAnswers(call);
                }
            });
        }

        Schedule(_options.RingTimeout, token, () =>
        {
            if (call.CustomerStatus == CustomerStatus.Ringing)
            {
                EndCall(call, customerDialCode: "480");
            }
        });
    }

    private void CustomerAnswers(CallSession call)
    {
        call.CustomerStatus = CustomerStatus.Up;
        call.CustomerAnswerTime = Now;
        if (call.Placer is { } placer)
        {
            placer.EffectiveCallCount++;
        }

        if (call.Owner?.Agent is { } owner)
        {
            owner.ActivitySince = Now;
        }

        SendCustomerEvent(call, "ANSWERED", "200");
        ScheduleCustomerHangup(call);
    }

    private void ScheduleCustomerHangup(CallSession call)
    {
        if (call.Customer.HangupAfter is { } after)
        {
            Schedule(after, call.Cancellation.Token, () => EndCall(call));
        }
    }

    public string InjectInbound(string projectId, string agentNumber, string customerNumber)
    {
        using (Atomic())
        {
            var agent = AgentOrThrow(projectId, agentNumber);
            if (!agent.LoggedIn)
            {
                throw new InvalidOperationException($"Agent '{agentNumber}' is not logged in.");
            }

            if (agent.Leg is not null)
            {
                throw new InvalidOperationException($"Agent '{agentNumber}' is already on a call.");
            }

            if (agent.ExtensionNumber is null)
            {
                throw new InvalidOperationException($"Agent '{agentNumber}' has no extension bound.");
            }

            var call = NewCall(agent.Project, customerNumber, "in");
            call.DisplayNumber = agent.Project.DisplayNumber;
            call.CustomerStatus = CustomerStatus.Up;
            call.CustomerRingTime = call.StartTime;
            call.CustomerAnswerTime = call.StartTime;
            var leg = NewAgentLeg(call, agent, LegRole.Primary, "0", primary: true);
            call.Owner = leg;
            leg.Status = LegStatus.Ringing;
            SendLegEvent(leg, "RINGING", "180");
            ScheduleRingOut(leg);
            return call.LinkedId;
        }
    }

    /// <summary>An agent leg that must be answered with <c>answer</c> rings out after the ring timeout.</summary>
    private void ScheduleRingOut(CallLeg leg) =>
        Schedule(_options.RingTimeout, leg.Call.Cancellation.Token, () =>
        {
            if (leg.Status == LegStatus.Ringing)
            {
                RejectLeg(leg, timedOut: true);
            }
        });

    public bool HangupCustomer(string linkedId)
    {
        using (Atomic())
        {
            if (!_calls.TryGetValue(linkedId, out var call))
            {
                return false;
            }

            EndCall(call, agentDialCode: call.Owner is { Status: LegStatus.Ringing } ? "487" : "200");
            return true;
        }
    }

    private JsonObject Answer(AgentData agent)
    {
        var leg = agent.Leg ?? throw new CommandException(ErrorCodes.SystemError, ErrorCodes.NoCall);
        if (leg.OverSip && leg.Status == LegStatus.Up && leg.AnswerTime is { } answered && Now - answered < TimeSpan.FromSeconds(10))
        {
            // The extension's 200 OK answered the leg just before the toolbar's answer arrived.
            return Linked(leg.Call);
        }

        if (leg.Status != LegStatus.Ringing)
        {
            throw new CommandException(ErrorCodes.SystemError, "当前通话已接听");
        }

        AnswerLeg(leg);
        return Linked(leg.Call);
    }

    private void AnswerLeg(CallLeg leg)
    {
        var call = leg.Call;
        if (leg.Role == LegRole.Primary && call.Option == "out")
        {
            AnswerOutboundAgentLeg(leg);
            return;
        }

        leg.Status = LegStatus.Up;
        leg.AnswerTime = Now;
        if (leg.Agent is { } agent)
        {
            agent.ActivitySince = Now;
        }

        switch (leg.Role)
        {
            case LegRole.Meet:
                call.MeetActive = true;
                break;
            case LegRole.BlindTransfer:
                call.Owner = leg;
                break;
        }

        SendLegEvent(leg, "ANSWERED", "200");
        if (leg.Role is LegRole.Primary)
        {
            ScheduleCustomerHangup(call);
        }
    }

    private JsonObject Reject(AgentData agent)
    {
        var leg = agent.Leg;
        if (leg is null || leg.Status != LegStatus.Ringing)
        {
            throw new CommandException(ErrorCodes.SystemError, ErrorCodes.NoCall);
        }

        var call = leg.Call;
        RejectLeg(leg, timedOut: false);
        return Linked(call);
    }

    /// <summary>A ringing leg is refused by its agent, or rings out.</summary>
    private void RejectLeg(CallLeg leg, bool timedOut)
    {
        var call = leg.Call;
        var dialCode = timedOut ? "480" : "603";
        switch (leg.Role)
        {
            case LegRole.Primary when call.Option == "out":
                EndCall(call, agentDialCode: dialCode);
                break;
            case LegRole.Primary:
            case LegRole.BlindTransfer:
                EndLeg(leg, dialCode, afterHangup: agent =>
                {
                    agent.State = 3;
                    agent.Reason = "busy";
                    Send(agent, Push(agent, "incomingNotConnectedHangup", new JsonObject
                    {
                        ["agentId"] = agent.SystemId,
                        ["agentState"] = 3,
                        ["linkedId"] = call.LinkedId,
                        ["message"] = timedOut ? "呼叫超时,座席状态已自动置忙" : "座席拒接,座席状态已自动置忙",
                        ["extension"] = agent.SystemExtension,
                    }));
                });
                EndCall(call);
                break;
            default:
                EndLeg(leg, dialCode);
                break;
        }
    }

    private JsonObject Hangup(RequestContext context, AgentData agent)
    {
        var agentId = Wire.GetString(context.Data, "agentId");
        if (!string.IsNullOrEmpty(agentId) && !IsSelf(agent, agentId))
        {
            return Linked(ForceHangupOf(agent, agentId));
        }

        var leg = agent.Leg ?? throw new CommandException(ErrorCodes.SystemError, ErrorCodes.NoCall);
        var call = leg.Call;
        HangupLeg(leg);
        return Linked(call);
    }

    private JsonObject ForceHangup(RequestContext context, AgentData agent)
    {
        var agentId = Wire.GetString(context.Data, "agentId");
        if (string.IsNullOrEmpty(agentId))
        {
            throw new CommandException(ErrorCodes.BadRequest, "agentId不能为空");
        }

        var call = ForceHangupOf(agent, agentId);
        return new JsonObject { ["agentId"] = agentId, ["linkedId"] = call.LinkedId };
    }

    /// <summary>A monitor ends another agent's call.</summary>
    private CallSession ForceHangupOf(AgentData monitor, string agentId)
    {
        if (monitor.Role != EmulatorAgentRole.Monitor)
        {
            throw new CommandException(ErrorCodes.Forbidden, ErrorCodes.NoPermission);
        }

        var target = LoggedInAgent(monitor.Project, agentId, ErrorCodes.NotLoggedIn);
        var leg = target.Leg ?? throw new CommandException(ErrorCodes.SystemError, ErrorCodes.NoCall);
        EndCall(leg.Call);
        return leg.Call;
    }

    /// <summary>The agent hangs up its own leg.</summary>
    private void HangupLeg(CallLeg leg)
    {
        var call = leg.Call;
        if (leg.Status == LegStatus.Ringing && leg.Role != LegRole.Spy && !(leg.Role == LegRole.Primary && call.Option == "out"))
        {
            RejectLeg(leg, timedOut: false);
            return;
        }

        if (leg.Role == LegRole.Spy)
        {
            EndLeg(leg, "200");
            return;
        }

        if (call.Consulted == leg && leg.Initiator is { IsActive: true })
        {
            if (leg.Role == LegRole.Consult)
            {
                throw new CommandException(ErrorCodes.SystemError, "被咨询座席不能主动挂断咨询通话");
            }

            EndLeg(leg, "200");
            return;
        }

        if (call.Consulted is { } consulted && consulted.Initiator == leg
            && consulted.Status == LegStatus.Up && consulted.Role is LegRole.AttendedTransfer or LegRole.Meet)
        {
            // The initiator leaves: the customer stays with the consulted party.
            call.Consulted = null;
            call.MeetActive = false;
            EndLeg(leg, "200");
            call.Owner = consulted;
            if (consulted.Agent is null)
            {
                EndCall(call);
            }

            return;
        }

        if (leg == call.Owner)
        {
            EndCall(call);
        }
        else
        {
            EndLeg(leg, "200");
        }
    }

    /// <summary>Takes the agent out of its call (logout, forced offline).</summary>
    private void LeaveCall(AgentData agent)
    {
        if (agent.Leg is not { } leg)
        {
            return;
        }

        if (leg == leg.Call.Owner)
        {
            EndCall(leg.Call);
        }
        else
        {
            EndLeg(leg, "200");
        }
    }

    /// <summary>Ends the whole call: customer leg first, then the other legs, the owner's leg last.</summary>
    private void EndCall(CallSession call, string customerDialCode = "200", string agentDialCode = "200", bool satisfaction = false)
    {
        if (call.Ended)
        {
            return;
        }

        call.Ended = true;
        call.Cancellation.Cancel();
        if (call.CustomerStatus is CustomerStatus.Ringing or CustomerStatus.Up)
        {
            var wrapup = call.Owner is { Agent: not null, Status: LegStatus.Up } ? _options.WrapupSeconds : 0;
            SendCustomerEvent(call, "HANGUP", customerDialCode, wrapup, satisfaction);
            call.CustomerStatus = CustomerStatus.Ended;
            if (call.Placer is { } placer && call.CustomerAnswerTime is { } answered && call.Option == "out")
            {
                placer.EffectiveCallDuration += Wire.Seconds(answered, Now);
            }
        }

        var owner = call.Owner;
        foreach (var leg in call.Legs.Where(l => l.IsActive && l != owner).ToList())
        {
            EndLeg(leg, agentDialCode, satisfaction: satisfaction);
        }

        if (owner is { IsActive: true })
        {
            EndLeg(owner, agentDialCode, satisfaction: satisfaction);
        }

        _calls.Remove(call.LinkedId);
        call.Dispose();
    }

    /// <summary>Ends one leg: HANGUP, wrap-up and <c>realTimeData</c> for its agent.</summary>
    private void EndLeg(CallLeg leg, string dialCode, bool satisfaction = false, Action<AgentData>? afterHangup = null)
    {
        if (!leg.IsActive)
        {
            return;
        }

        var call = leg.Call;
        var answered = leg.Status == LegStatus.Up;
        var wrapup = leg.Agent is not null && leg.Role != LegRole.Spy && answered ? _options.WrapupSeconds : 0;
        SendLegEvent(leg, "HANGUP", dialCode, wrapup, satisfaction);
        leg.Status = LegStatus.Ended;
        if (call.Consulted == leg)
        {
            call.Consulted = null;
            call.MeetActive = false;
        }

        if (leg.Agent is not { } agent || agent.Leg != leg)
        {
            return;
        }

        agent.Leg = null;
        agent.ActivitySince = Now;
        if (wrapup > 0)
        {
            StartWrapup(agent, wrapup);
        }

        afterHangup?.Invoke(agent);
        if (leg.Role != LegRole.Spy)
        {
            PushRealTimeData(agent);
        }
    }

    private void StartWrapup(AgentData agent, int seconds)
    {
        var until = Now.AddSeconds(seconds);
        agent.WrapupUntil = until;
        Schedule(TimeSpan.FromSeconds(seconds), _stopping.Token, () =>
        {
            if (agent.WrapupUntil == until)
            {
                agent.WrapupUntil = null;
                agent.ActivitySince = Now;
            }
        });
    }
}
