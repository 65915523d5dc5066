namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Why a SIP message was rejected by the parser. Callers switch on this value, never on message text.</summary>
public enum SipRejectReason
{
    /// <summary>The message ends inside the start line.</summary>
    IncompleteStartLine = 1,
    /// <summary>The message ends before the empty line that closes the header section.</summary>
    IncompleteHeaders,
    /// <summary>Content-Length announces more body bytes than the message holds (RFC 3261 §18.3; RFC 4475 §3.1.2.2).</summary>
    IncompleteBody,
    /// <summary>The message is larger than <see cref="SipParserLimits.MaxMessageSize"/>.</summary>
    MessageTooLarge,
    /// <summary>The start line is longer than <see cref="SipParserLimits.MaxStartLineLength"/>.</summary>
    StartLineTooLong,
    /// <summary>A header (with its folded continuation lines) is longer than <see cref="SipParserLimits.MaxHeaderLength"/>.</summary>
    HeaderTooLong,
    /// <summary>More header fields than <see cref="SipParserLimits.MaxHeaderCount"/>.</summary>
    TooManyHeaders,
    /// <summary>The request line is not <c>Method SP Request-URI SP SIP-Version</c> with single spaces (RFC 4475 §3.1.2.8-10).</summary>
    InvalidRequestLine,
    /// <summary>The method is not a token.</summary>
    InvalidMethod,
    /// <summary>The Request-URI is malformed: enclosed in &lt;&gt;, holds headers, or has forbidden characters (RFC 4475 §3.1.2.7, §3.1.2.11).</summary>
    InvalidRequestUri,
    /// <summary>The protocol version is not SIP/2.0 (answer 505; RFC 4475 §3.1.2.16).</summary>
    UnsupportedVersion,
    /// <summary>The status line is malformed.</summary>
    InvalidStatusLine,
    /// <summary>The status code is not three digits in 100-699 (RFC 4475 §3.1.2.19).</summary>
    InvalidStatusCode,
    /// <summary>A header line has no colon or starts with white space where no header is being continued.</summary>
    InvalidHeaderLine,
    /// <summary>A header name is not a token.</summary>
    InvalidHeaderName,
    /// <summary>Content-Length is not a non-negative decimal number (RFC 4475 §3.1.2.3).</summary>
    InvalidContentLength,
    /// <summary>Content-Length appears more than once (RFC 4475 §3.3.9).</summary>
    MultipleContentLength,
    /// <summary>A header that allows one value appears more than once (RFC 4475 §3.3.8).</summary>
    DuplicateHeader,
    /// <summary>A header required in every message (To, From, CSeq, Call-ID, Via) is missing (RFC 4475 §3.3.1).</summary>
    MissingRequiredHeader,
    /// <summary>The Call-ID is not <c>word ["@" word]</c>.</summary>
    InvalidCallId,
    /// <summary>CSeq is not a number below 2^31 followed by a method (RFC 4475 §3.1.2.4-5).</summary>
    InvalidCSeq,
    /// <summary>The CSeq method differs from the request method (RFC 4475 §3.1.2.17-18).</summary>
    CSeqMethodMismatch,
    /// <summary>Max-Forwards is not a number in 0-255.</summary>
    InvalidMaxForwards,
    /// <summary>Expires is not a number below 2^32.</summary>
    InvalidExpires,
    /// <summary>A Via value is malformed (RFC 4475 §3.1.2.1).</summary>
    InvalidVia,
    /// <summary>A name-addr or addr-spec is malformed: spaces inside &lt;&gt;, or a URI with ',', '?' or ';' not in &lt;&gt; (RFC 4475 §3.1.2.13-14).</summary>
    InvalidNameAddress,
    /// <summary>A display name is neither tokens nor a quoted string (RFC 4475 §3.1.2.15).</summary>
    InvalidDisplayName,
    /// <summary>A quoted string has no closing quote (RFC 4475 §3.1.2.6).</summary>
    UnterminatedQuotedString,
    /// <summary>A header parameter is empty or malformed (RFC 4475 §3.1.2.1).</summary>
    InvalidParameter,
    /// <summary>The Date header is not an RFC 1123 date in GMT (RFC 4475 §3.1.2.12).</summary>
    InvalidDate,
    /// <summary>Content-Type is not <c>type/subtype *(;param)</c>.</summary>
    InvalidContentType,
    /// <summary>A URI is malformed.</summary>
    InvalidUri,
    /// <summary>An authentication challenge or credential is malformed.</summary>
    InvalidAuthentication,
    /// <summary>A header value is malformed.</summary>
    InvalidHeaderValue,
}
