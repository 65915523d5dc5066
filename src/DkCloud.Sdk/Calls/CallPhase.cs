namespace DkCloud.Sdk.Calls;

/// <summary>Where a tracked call stands, from this agent's point of view.</summary>
public enum CallPhase
{
    /// <summary>A leg is ringing; nobody talks yet.</summary>
    Ringing = 0,

    /// <summary>The agent's leg is answered and the customer is (or is being) connected.</summary>
    Connected = 1,

    /// <summary>The call ended; after-call work may be running.</summary>
    Ended = 2,
}
