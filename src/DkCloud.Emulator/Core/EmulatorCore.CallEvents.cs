using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using DkCloud.Emulator.Protocol;
using DkCloud.Emulator.State;

namespace DkCloud.Emulator.Core;

/// <summary>The RINGING / ANSWERED / HANGUP pushes, shaped as the document's 7.3.2–7.3.4 examples.</summary>
internal sealed partial class EmulatorCore
{
    /// <summary>A push for an agent leg (or an external leg, reported as a customer leg to the agent that brought it in).</summary>
    private void SendLegEvent(CallLeg leg, string eventType, string dialCode, int wrapupTime = 0, bool satisfaction = false)
    {
        var call = leg.Call;
        var recipients = new List<AgentData>(2);
        if (leg.Agent is { } own)
        {
            recipients.Add(own);
        }

        if (leg.Initiator is { Agent: { } initiator } initiatorLeg && initiatorLeg.IsActive && initiator != leg.Agent)
        {
            recipients.Add(initiator);
        }

        if (recipients.Count == 0)
        {
            return;
        }

        var named = leg.Agent ?? recipients[0];
        var external = leg.Agent is null;
        var view = new LegView(
            CallLeg: external ? "customer" : "agent",
            CallType: leg.CallType,
            SipCallId: leg.SipCallId,
            ChannelName: leg.ChannelName,
            ChannelId: leg.ChannelId,
            Start: leg.StartTime,
            Ring: leg.RingTime,
            Answer: leg.AnswerTime,
            Agent: named,
            AgentTelNumber: external ? named.SystemExtension : leg.ExternalNumber ?? named.SystemExtension,
            CustomerNumber: external ? leg.ExternalNumber! : call.CustomerNumber);
        var data = CallData(call, view, eventType, dialCode, wrapupTime, satisfaction);
        var extension = external ? leg.ExternalNumber! : view.AgentTelNumber;
        foreach (var recipient in recipients)
        {
            Send(recipient, CallEnvelope(named, extension, eventType, data.DeepClone()));
        }
    }

    /// <summary>A push for the customer leg, to the agent that owns the customer.</summary>
    private void SendCustomerEvent(CallSession call, string eventType, string dialCode, int wrapupTime = 0, bool satisfaction = false)
    {
        if (call.Owner is not { Agent: { } owner } ownerLeg || !ownerLeg.IsActive)
        {
            return;
        }

        var view = new LegView(
            CallLeg: "customer",
            CallType: ownerLeg.CallType,
            SipCallId: call.CustomerSipCallId,
            ChannelName: call.CustomerChannelName,
            ChannelId: call.CustomerChannelId,
            Start: call.StartTime,
            Ring: call.CustomerRingTime ?? call.StartTime,
            Answer: call.CustomerAnswerTime,
            Agent: owner,
            AgentTelNumber: ownerLeg.ExternalNumber ?? owner.SystemExtension,
            CustomerNumber: call.CustomerNumber);
        var data = CallData(call, view, eventType, dialCode, wrapupTime, satisfaction);
        Send(owner, CallEnvelope(owner, call.CustomerNumber, eventType, data));
    }

    private JsonObject CallEnvelope(AgentData agent, string extension, string eventType, JsonNode data) =>
        Envelope(agent.Project.ProjectId, agent.SystemId, agent.CrmId, extension, ErrorCodes.Success, "SUCCESS",
            data, eventType, eventType, Wire.NewRequestId(), withCreateTime: false);

    private JsonObject CallData(CallSession call, LegView view, string eventType, string dialCode, int wrapupTime, bool satisfaction)
    {
        var now = Now;
        var project = call.Project.ProjectId;
        var city = CityLookup.For(view.CustomerNumber);
        JsonObject data;
        if (eventType == "HANGUP")
        {
            data = new JsonObject
            {
                ["answerTime"] = view.Answer is { } answered ? Wire.DateTime(answered) : "",
                ["dialCode"] = dialCode,
                ["answerStatusCode"] = view.Answer is null ? "0" : "1",
                ["callType"] = view.CallType,
                ["customerDisplayNumber"] = call.DisplayNumber,
                ["duration"] = Wire.Seconds(view.Start, now),
                ["customerTelCity"] = city,
                ["eventTime"] = Wire.DateTime(now),
                ["originateUserField"] = call.UserField,
                ["startTime"] = Wire.DateTime(view.Start),
                ["billsec"] = view.Answer is { } since ? Wire.Seconds(since, now) : 0,
                ["channelId"] = view.ChannelId,
                ["forwardEvent"] = "1",
                ["linkedId"] = call.LinkedId,
                ["ringTime"] = Wire.DateTime(view.Ring),
                ["sipCallId"] = view.SipCallId,
                ["callLeg"] = view.CallLeg,
                ["enterSatisfaction"] = satisfaction ? "1" : "",
                ["eventType"] = eventType,
                ["agentNumber"] = view.Agent.SystemId,
                ["wrapupTime"] = wrapupTime,
                ["crmId"] = "",
                ["customerTelNumber"] = view.CustomerNumber,
                ["agentTelNumber"] = view.AgentTelNumber,
                ["channelName"] = view.ChannelName,
                ["endTime"] = Wire.DateTime(now),
                ["projectId"] = project,
                ["option"] = call.Option,
            };
        }
        else
        {
            data = new JsonObject
            {
                ["forwardEvent"] = "0",
                ["linkedId"] = call.LinkedId,
                ["sipCallId"] = view.SipCallId,
                ["callLeg"] = view.CallLeg,
                ["dialCode"] = dialCode,
                ["eventType"] = eventType,
                ["agentNumber"] = view.Agent.SystemId,
                ["callType"] = view.CallType,
                ["customerDisplayNumber"] = call.DisplayNumber,
                ["wrapupTime"] = 0,
                ["crmId"] = "",
                ["customerTelNumber"] = view.CustomerNumber,
                ["agentTelNumber"] = view.AgentTelNumber,
                ["customerTelCity"] = city,
                ["requestId"] = Wire.NewRequestId(),
                ["eventTime"] = Wire.DateTime(now),
                ["channelName"] = view.ChannelName,
                ["originateUserField"] = call.UserField,
            };
            if (eventType == "RINGING")
            {
                data["customerDecodeTelNumber"] = view.CustomerNumber;
            }

            data["projectId"] = project;
            data["channelId"] = view.ChannelId;
            data["option"] = call.Option;
        }

        if (call.TransferMessage.Count > 0)
        {
            data["transferMessage"] = call.TransferMessage.DeepClone();
        }

        return data;
    }
}
