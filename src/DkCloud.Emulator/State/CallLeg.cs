using System;

namespace DkCloud.Emulator.State;

/// <summary>One agent's (or one external number's) leg in a call. Guarded by the core's lock.</summary>
internal sealed class CallLeg
{
    public CallLeg(CallSession call, AgentData? agent, string? externalNumber, LegRole role, string callType, DateTimeOffset start)
    {
        Call = call;
        Agent = agent;
        ExternalNumber = externalNumber;
        Role = role;
        CallType = callType;
        StartTime = start;
        RingTime = start;
    }

    public CallSession Call { get; }

    /// <summary>The agent on this leg; <see langword="null"/> for an external number.</summary>
    public AgentData? Agent { get; }

    /// <summary>The external number on this leg (consult, transfer or three-way with an outside number; a monitor listening from outside).</summary>
    public string? ExternalNumber { get; }

    public LegRole Role { get; }

    public string CallType { get; }

    public LegStatus Status { get; set; } = LegStatus.None;

    /// <summary>The agent leg that brought this leg in (consult, transfer, three-way), if any.</summary>
    public CallLeg? Initiator { get; set; }

    public DateTimeOffset StartTime { get; }

    public DateTimeOffset RingTime { get; set; }

    public DateTimeOffset? AnswerTime { get; set; }

    public string ChannelName { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public string SipCallId { get; set; } = "";

    public bool OnHold { get; set; }

    /// <summary>The leg rings and talks on a WebRTC extension registered at the emulator's SIP server (real SIP and media).</summary>
    public bool OverSip { get; set; }

    public bool Muted { get; set; }

    public int SpyMode { get; set; }

    public bool IsActive => Status is LegStatus.Ringing or LegStatus.Up;
}
