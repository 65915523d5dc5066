namespace DkCloud.Sdk;

/// <summary>What <see cref="DkyOptions.AgentNumber"/> holds (the JS SDK's <c>agentType</c>).</summary>
public enum AgentIdType
{
    /// <summary>The system agent number (0, the default).</summary>
    System = 0,

    /// <summary>The integrator's own agent id, the crmId (1).</summary>
    CrmId = 1,
}
