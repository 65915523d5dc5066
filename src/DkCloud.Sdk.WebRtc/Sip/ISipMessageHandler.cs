using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// Receives the parts of a SIP message from <see cref="SipParser"/> as they are found. Segments are offsets into
/// the span given to the parser; nothing is copied and no string is made.
/// </summary>
internal interface ISipMessageHandler
{
    /// <summary>A request line was read.</summary>
    /// <param name="method">The known method, or <see cref="SipMethod.Unknown"/>.</param>
    /// <param name="methodToken">Where the method token is.</param>
    /// <param name="requestUri">Where the Request-URI is.</param>
    void OnRequestLine(SipMethod method, SipSegment methodToken, SipSegment requestUri);

    /// <summary>A status line was read.</summary>
    /// <param name="statusCode">The status code, 100-699.</param>
    /// <param name="reasonPhrase">Where the reason phrase is (possibly empty).</param>
    void OnStatusLine(int statusCode, SipSegment reasonPhrase);

    /// <summary>A header field was read; <paramref name="value"/> is trimmed of surrounding white space but may hold folds.</summary>
    /// <param name="name">The known header, or <see cref="SipHeaderName.Unknown"/>.</param>
    /// <param name="nameToken">Where the header name is.</param>
    /// <param name="value">Where the header value is.</param>
    /// <param name="message">The whole message, for handlers that inspect values.</param>
    void OnHeader(SipHeaderName name, SipSegment nameToken, SipSegment value, ReadOnlySpan<byte> message);

    /// <summary>The header section ended and the body was framed.</summary>
    /// <param name="body">Where the body is (Content-Length bytes, or the rest of the message without it).</param>
    void OnHeadersComplete(SipSegment body);
}
