namespace DkCloud.Emulator;

/// <summary>A copy of one emulated agent's state at one moment.</summary>
public sealed class EmulatorAgentSnapshot
{
    /// <summary>The project (enterprise code) of the agent.</summary>
    public required string ProjectId { get; init; }

    /// <summary>The agent number (工号).</summary>
    public required string AgentNumber { get; init; }

    /// <summary>Whether the agent is logged in (a lost socket does not log the agent out).</summary>
    public bool LoggedIn { get; init; }

    /// <summary>The agent state: 2 idle, 3 busy.</summary>
    public int State { get; init; }

    /// <summary>The reason of the current state (empty when none).</summary>
    public string Reason { get; init; } = "";

    /// <summary>The bound extension number or mobile number, or <see langword="null"/> when none is bound.</summary>
    public string? ExtensionNumber { get; init; }

    /// <summary>The type of the bound extension: 1 IP phone, 2 WebRTC, 3 mobile; 0 when none is bound.</summary>
    public int ExtensionType { get; init; }

    /// <summary>The <c>linkedId</c> of the call the agent is on, or <see langword="null"/>.</summary>
    public string? CurrentLinkedId { get; init; }

    /// <summary>Whether the agent holds its call.</summary>
    public bool OnHold { get; init; }

    /// <summary>Whether the agent muted its side of the call.</summary>
    public bool Muted { get; init; }

    /// <summary>How many open WebSocket connections are logged in as this agent (0 or 1).</summary>
    public int ConnectionCount { get; init; }
}
