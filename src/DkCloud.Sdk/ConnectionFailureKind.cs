namespace DkCloud.Sdk;

/// <summary>Why the agent WebSocket is not usable.</summary>
public enum ConnectionFailureKind
{
    /// <summary>The socket could not be opened.</summary>
    UnableToConnect = 0,

    /// <summary>The socket was open and broke.</summary>
    ConnectionLost = 1,

    /// <summary>The session is not started, or has ended (logoff, dispose, forced offline).</summary>
    NotConnected = 2,

    /// <summary>The client is disposed.</summary>
    Disposed = 3,
}
