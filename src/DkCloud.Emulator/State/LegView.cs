using System;

namespace DkCloud.Emulator.State;

/// <summary>What a call event says about one leg.</summary>
internal readonly record struct LegView(
    string CallLeg,
    string CallType,
    string SipCallId,
    string ChannelName,
    string ChannelId,
    DateTimeOffset Start,
    DateTimeOffset Ring,
    DateTimeOffset? Answer,
    AgentData Agent,
    string AgentTelNumber,
    string CustomerNumber);
