namespace DkCloud.Sdk;

/// <summary>The role the server gives an agent at login.</summary>
public enum AgentRole
{
    /// <summary>Not known yet (before login).</summary>
    Unknown = 0,

    /// <summary>An ordinary agent (1, 普通座席).</summary>
    Ordinary = 1,

    /// <summary>A monitor / team leader (2, 班长座席) who may supervise other agents.</summary>
    Monitor = 2,
}
