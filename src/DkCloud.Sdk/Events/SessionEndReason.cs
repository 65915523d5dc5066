namespace DkCloud.Sdk.Events;

/// <summary>Why a session ended.</summary>
public enum SessionEndReason
{
    /// <summary>The app logged off.</summary>
    Logoff = 0,

    /// <summary>A monitor forced the agent offline.</summary>
    ForceOffline = 1,

    /// <summary>The agent logged in elsewhere and this session was pushed out.</summary>
    Squeeze = 2,

    /// <summary>The link broke and every reconnect attempt failed.</summary>
    ReconnectFailed = 3,

    /// <summary>The client was disposed while the session was up.</summary>
    Disposed = 4,
}
