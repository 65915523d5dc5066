namespace DkCloud.Emulator;

/// <summary>The role of an emulated agent, as <c>agentRole</c> reports it at login.</summary>
public enum EmulatorAgentRole
{
    /// <summary>An ordinary agent (<c>agentRole</c> 1).</summary>
    Ordinary = 1,

    /// <summary>A monitor (supervisor) agent (<c>agentRole</c> 2): may log others off, set their state, listen in and hang up their calls.</summary>
    Monitor = 2,
}
