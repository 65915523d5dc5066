namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>Why a TURN operation failed.</summary>
internal enum TurnError
{
    /// <summary>The server answered with an error response; <see cref="TurnException.StunErrorCode"/> has its code.</summary>
    ErrorResponse,

    /// <summary>No response after the last retransmission.</summary>
    Timeout,

    /// <summary>A response was malformed, unauthenticated or lacked a required attribute.</summary>
    InvalidResponse,

    /// <summary>The request could not be sent.</summary>
    SocketError,

    /// <summary>The TLS handshake with the server failed (its certificate was refused, or the session could not be set up).</summary>
    TlsError,

    /// <summary>The operation needs an allocation and there is none (not allocated yet, released or failed).</summary>
    NoAllocation,

    /// <summary>The client was disposed.</summary>
    Disposed,
}
