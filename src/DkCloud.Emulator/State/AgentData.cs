using System;
using DkCloud.Emulator.Hosting;

namespace DkCloud.Emulator.State;

/// <summary>An agent and its live session state. Guarded by the core's lock.</summary>
internal sealed class AgentData
{
    public AgentData(ProjectData project, string agentNumber, EmulatorAgentRole role, string crmId, string agentName)
    {
        Project = project;
        AgentNumber = agentNumber;
        Role = role;
        CrmId = crmId;
        AgentName = agentName;
    }

    public ProjectData Project { get; }

    public string AgentNumber { get; }

    public EmulatorAgentRole Role { get; set; }

    public string CrmId { get; set; }

    public string AgentName { get; set; }

    /// <summary>The system agent id: project id followed by the agent number.</summary>
    public string SystemId => Project.ProjectId + AgentNumber;

    public bool LoggedIn { get; set; }

    public int State { get; set; } = 3;

    public string Reason { get; set; } = "";

    public string? ExtensionNumber { get; set; }

    public int ExtensionType { get; set; }

    /// <summary>The system extension id: project id + extension for IP phones and WebRTC, the number itself for mobiles.</summary>
    public string SystemExtension => ExtensionNumber is null
        ? ""
        : ExtensionType == 3 ? ExtensionNumber : Project.ProjectId + ExtensionNumber;

    public AgentConnection? Connection { get; set; }

    public CallLeg? Leg { get; set; }

    public DateTimeOffset LoginTime { get; set; }

    public DateTimeOffset ActivitySince { get; set; }

    public DateTimeOffset? WrapupUntil { get; set; }

    public int CallCount { get; set; }

    public int EffectiveCallCount { get; set; }

    public long EffectiveCallDuration { get; set; }
}
