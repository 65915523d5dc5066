using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.Events;

/// <summary>
/// After a reconnect the client's view agrees with the server's again; raised once, after the events for
/// what changed while the link was down (a <c>dky:hangup</c> per call that ended, a <c>dky:agentState</c> when
/// the state changed).
/// </summary>
public sealed class ResyncedEventArgs : EventArgs
{
    /// <summary>Creates the event.</summary>
    public ResyncedEventArgs(AgentState? agentState, IReadOnlyList<string> endedCalls, IReadOnlyList<string> keptCalls)
    {
        AgentState = agentState;
        EndedCalls = endedCalls;
        KeptCalls = keptCalls;
    }

    /// <summary>The agent's state now.</summary>
    public AgentState? AgentState { get; }

    /// <summary>Calls that ended while the link was down (each got a <c>dky:hangup</c>).</summary>
    public IReadOnlyList<string> EndedCalls { get; }

    /// <summary>Calls still up on the server, re-attached by <c>linkedId</c>.</summary>
    public IReadOnlyList<string> KeptCalls { get; }
}
