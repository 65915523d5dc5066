using System;

namespace DkCloud.Sdk;

/// <summary>A command could not be sent or answered because the agent WebSocket is not connected.</summary>
public sealed class DkyConnectionException : DkyException
{
    /// <summary>Creates the exception.</summary>
    public DkyConnectionException(ConnectionFailureKind kind, string message, string? command = null, Exception? innerException = null)
        : base(DkyErrorCodes.InvalidRequest, message, command, innerException)
    {
        Kind = kind;
    }

    /// <summary>Why the connection failed.</summary>
    public ConnectionFailureKind Kind { get; }
}
