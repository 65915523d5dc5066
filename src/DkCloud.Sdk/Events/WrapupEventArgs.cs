using System;
using DkCloud.Sdk.Calls;

namespace DkCloud.Sdk.Events;

/// <summary>After-call work (整理) is running: raised when it starts and once a second until it reaches zero.</summary>
public sealed class WrapupEventArgs : EventArgs
{
    /// <summary>Creates the event.</summary>
    public WrapupEventArgs(TrackedCall call, int remainingSeconds)
    {
        Call = call;
        RemainingSeconds = remainingSeconds;
    }

    /// <summary>The call that ended.</summary>
    public TrackedCall Call { get; }

    /// <summary>Seconds left; zero means the work is over and the agent is available again.</summary>
    public int RemainingSeconds { get; }
}
