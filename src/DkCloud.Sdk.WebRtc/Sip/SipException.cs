using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>A failed SIP operation: an <see cref="SipErrorCode"/> and, for responses, the status code.</summary>
public sealed class SipException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="code">Why the operation failed.</param>
    /// <param name="message">A description.</param>
    /// <param name="statusCode">The SIP status code of the final response, when one caused the failure.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public SipException(SipErrorCode code, string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>Why the operation failed.</summary>
    public SipErrorCode Code { get; }

    /// <summary>The status code of the final response that caused the failure; null when no response did.</summary>
    public int? StatusCode { get; }

    /// <summary>The status code described by the vendor table (<see cref="SipStatus"/>); null without a status code.</summary>
    public SipStatusInfo? Status => StatusCode is int code ? SipStatus.Get(code) : null;

    /// <summary>An exception for a final failure response.</summary>
    internal static SipException FromResponse(SipErrorCode code, int statusCode, string what)
        => new(code, what + " failed: " + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + SipStatus.Get(statusCode).ReasonPhrase, statusCode);
}
