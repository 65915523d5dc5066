using System;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>A TURN request failed.</summary>
internal sealed class TurnException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TurnException(TurnError error, int stunErrorCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        StunErrorCode = stunErrorCode;
    }

    /// <summary>What went wrong.</summary>
    public TurnError Error { get; }

    /// <summary>The STUN ERROR-CODE (300-699) of an error response (401, 403, 437, 438, 441, 442, 486, 508...), otherwise 0.</summary>
    public int StunErrorCode { get; }
}
