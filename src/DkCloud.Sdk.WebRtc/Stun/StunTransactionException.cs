using System;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>A STUN transaction ended without a usable success response.</summary>
internal sealed class StunTransactionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StunTransactionException(StunTransactionError error, int errorCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        ErrorCode = errorCode;
    }

    /// <summary>What went wrong.</summary>
    public StunTransactionError Error { get; }

    /// <summary>The STUN ERROR-CODE (300-699) of an error response, otherwise 0.</summary>
    public int ErrorCode { get; }
}
