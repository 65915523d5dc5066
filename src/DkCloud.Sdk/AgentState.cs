namespace DkCloud.Sdk;

/// <summary>An agent's availability (the JS SDK's <c>state</c> / <c>initialState</c>).</summary>
public enum AgentState
{
    /// <summary>Idle (2, 空闲): inbound calls are routed to the agent.</summary>
    Idle = 2,

    /// <summary>Busy (3, 忙碌): no inbound calls; outbound calls still work.</summary>
    Busy = 3,
}
