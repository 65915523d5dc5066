using System;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>The single exception thrown when bytes are not a valid STUN message; <see cref="Reason"/> says why.</summary>
/// <remarks>The message never contains bytes from the datagram.</remarks>
internal sealed class StunParseException : Exception
{
    /// <summary>Creates the exception for a rejection reason.</summary>
    public StunParseException(StunParseError reason)
        : base("Invalid STUN message: " + reason + ".")
    {
        Reason = reason;
    }

    /// <summary>Creates the exception for a rejection reason with the offset of the offending byte.</summary>
    public StunParseException(StunParseError reason, int offset)
        : base("Invalid STUN message: " + reason + " at offset " + offset + ".")
    {
        Reason = reason;
        Offset = offset;
    }

    /// <summary>Why the message was rejected.</summary>
    public StunParseError Reason { get; }

    /// <summary>Byte offset where the problem was found, or -1 when it concerns the whole message.</summary>
    public int Offset { get; } = -1;
}
