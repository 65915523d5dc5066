using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// A SIP message or header value was rejected. <see cref="Reason"/> says why; the message text never holds
/// bytes of the rejected message, so it is safe to log.
/// </summary>
public sealed class SipParseException : FormatException
{
    /// <summary>Creates an exception for <paramref name="reason"/>.</summary>
    /// <param name="reason">Why the message was rejected.</param>
    public SipParseException(SipRejectReason reason)
        : base(GetMessage(reason))
    {
        Reason = reason;
    }

    /// <summary>Creates an exception for <paramref name="reason"/> with an inner exception.</summary>
    /// <param name="reason">Why the message was rejected.</param>
    /// <param name="innerException">The underlying failure.</param>
    public SipParseException(SipRejectReason reason, Exception? innerException)
        : base(GetMessage(reason), innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the message was rejected.</summary>
    public SipRejectReason Reason { get; }

    /// <summary>
    /// The status code a UAS answers a request rejected for this reason with: 505 for an unsupported version,
    /// 513 for an oversized message, otherwise 400 (RFC 3261 §21.4, RFC 4475 §3.1.2).
    /// </summary>
    public int SuggestedStatusCode => Reason switch
    {
        SipRejectReason.UnsupportedVersion => 505,
        SipRejectReason.MessageTooLarge => 513,
        _ => 400,
    };

    private static string GetMessage(SipRejectReason reason) => reason switch
    {
        SipRejectReason.IncompleteStartLine => "The SIP message ends inside the start line.",
        SipRejectReason.IncompleteHeaders => "The SIP message ends before the end of its header section.",
        SipRejectReason.IncompleteBody => "Content-Length is larger than the SIP message body.",
        SipRejectReason.MessageTooLarge => "The SIP message exceeds the configured size limit.",
        SipRejectReason.StartLineTooLong => "The SIP start line exceeds the configured length limit.",
        SipRejectReason.HeaderTooLong => "A SIP header exceeds the configured length limit.",
        SipRejectReason.TooManyHeaders => "The SIP message has more headers than the configured limit.",
        SipRejectReason.UnsupportedVersion => "The SIP version is not supported.",
        SipRejectReason.CSeqMethodMismatch => "The CSeq method does not match the request method.",
        SipRejectReason.MissingRequiredHeader => "A required SIP header is missing.",
        SipRejectReason.MultipleContentLength => "Content-Length appears more than once.",
        SipRejectReason.DuplicateHeader => "A single-valued SIP header appears more than once.",
        _ => "Malformed SIP message: " + reason.ToString() + ".",
    };
}
