using System;
using System.Collections.Generic;

namespace DkCloud.Emulator.State;

/// <summary>A project (enterprise) with its agents and extensions.</summary>
internal sealed class ProjectData
{
    public ProjectData(string projectId, string token)
    {
        ProjectId = projectId;
        Token = token;
    }

    public string ProjectId { get; }

    public string Token { get; set; }

    /// <summary>The caller ID shown to customers of this project.</summary>
    public string DisplayNumber { get; } = "01056016014";

    public Dictionary<string, AgentData> Agents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ExtensionData> Extensions { get; } = new(StringComparer.Ordinal);
}
