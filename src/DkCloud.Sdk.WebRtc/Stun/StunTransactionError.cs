namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>Why a STUN transaction failed (a timeout is reported as a cancellation with an inner <see cref="System.TimeoutException"/>).</summary>
internal enum StunTransactionError
{
    /// <summary>The server answered with an error response; see the error code.</summary>
    ErrorResponse,

    /// <summary>The success response lacked the mapped address.</summary>
    InvalidResponse,

    /// <summary>The request could not be sent.</summary>
    SocketError,
}
