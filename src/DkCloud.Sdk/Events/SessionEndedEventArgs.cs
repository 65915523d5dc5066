using System;

namespace DkCloud.Sdk.Events;

/// <summary>The session is over, for the one <see cref="Reason"/> given; no more events follow.</summary>
public sealed class SessionEndedEventArgs : EventArgs
{
    /// <summary>Creates the event.</summary>
    public SessionEndedEventArgs(SessionEndReason reason, string? detail)
    {
        Reason = reason;
        Detail = detail;
    }

    /// <summary>Why the session ended.</summary>
    public SessionEndReason Reason { get; }

    /// <summary>The server's or the SDK's explanation, when there is one.</summary>
    public string? Detail { get; }
}
