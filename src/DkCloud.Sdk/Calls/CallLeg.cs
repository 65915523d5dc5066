namespace DkCloud.Sdk.Calls;

/// <summary>Which side of a call an event is about (<c>callLeg</c>).</summary>
public enum CallLeg
{
    /// <summary>Not given or not recognised.</summary>
    Unknown = 0,

    /// <summary><c>agent</c>: the agent's extension or phone.</summary>
    Agent = 1,

    /// <summary><c>customer</c>: the far party.</summary>
    Customer = 2,

    /// <summary>
    /// Another agent's leg of this agent's call (the agent consulted or transferred to). The server sends it as
    /// <c>agent</c> with that agent's number; the <see cref="CallTracker"/> records it under this value.
    /// </summary>
    OtherAgent = 3,
}
