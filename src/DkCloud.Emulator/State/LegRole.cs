namespace DkCloud.Emulator.State;

/// <summary>What a leg is for in its call.</summary>
internal enum LegRole
{
    /// <summary>The agent that placed or received the call.</summary>
    Primary,

    /// <summary>An agent or number consulted (callType 19/20).</summary>
    Consult,

    /// <summary>An agent or number of a consult transfer (callType 15/16).</summary>
    AttendedTransfer,

    /// <summary>An agent the call was blind-transferred to (callType 11).</summary>
    BlindTransfer,

    /// <summary>A third party of a three-way call (callType 17).</summary>
    Meet,

    /// <summary>A monitor listening in (callType 8/9/10/18).</summary>
    Spy,
}
