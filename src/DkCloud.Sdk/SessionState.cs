namespace DkCloud.Sdk;

/// <summary>Where a <see cref="DkyClient"/>'s session stands.</summary>
public enum SessionState
{
    /// <summary>Not started, or ended: <see cref="DkyClient.InitAsync"/> may start it.</summary>
    Idle = 0,

    /// <summary>Opening the agent WebSocket.</summary>
    Connecting = 1,

    /// <summary>The WebSocket is open; the agent is not logged in (single mode, or a login conflict).</summary>
    Connected = 2,

    /// <summary>The agent is logged in.</summary>
    LoggedIn = 3,

    /// <summary>The client is disposed.</summary>
    Disposed = 4,
}
