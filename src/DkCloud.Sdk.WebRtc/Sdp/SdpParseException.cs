using System;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>A session description was rejected; <see cref="Reason"/> says why. The message never holds SDP text.</summary>
public sealed class SdpParseException : FormatException
{
    /// <summary>Creates an exception for <paramref name="reason"/>.</summary>
    /// <param name="reason">Why the description was rejected.</param>
    public SdpParseException(SdpRejectReason reason)
        : base("Malformed SDP: " + reason.ToString() + ".")
    {
        Reason = reason;
    }

    /// <summary>Why the description was rejected.</summary>
    public SdpRejectReason Reason { get; }
}
