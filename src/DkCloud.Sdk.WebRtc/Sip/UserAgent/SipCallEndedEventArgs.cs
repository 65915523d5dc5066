using System;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>A call ended.</summary>
internal sealed class SipCallEndedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public SipCallEndedEventArgs(SipCallEndReason reason, int? statusCode)
    {
        Reason = reason;
        StatusCode = statusCode;
    }

    /// <summary>Why.</summary>
    public SipCallEndReason Reason { get; }

    /// <summary>The final status that ended it (a rejection, 487, 408), when one did.</summary>
    public int? StatusCode { get; }

    /// <summary>The status described by the vendor table.</summary>
    public SipStatusInfo? Status => StatusCode is int code ? SipStatus.Get(code) : null;

    /// <inheritdoc/>
    public override string ToString() => StatusCode is int code ? Reason + " (" + code.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : Reason.ToString();
}
