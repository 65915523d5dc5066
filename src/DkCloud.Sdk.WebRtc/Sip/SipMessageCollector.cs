using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// The parser handler behind <see cref="SipMessage.Parse(ReadOnlyMemory{byte}, SipParserLimits?)"/>: validates known
/// headers as they arrive, records the offset table, then checks the message as a whole.
/// </summary>
internal sealed class SipMessageCollector : ISipMessageHandler
{
    private uint _seen;

    public List<SipHeaderEntry> Headers { get; } = new(24);

    public bool IsRequest { get; private set; }

    public SipMethod Method { get; private set; }

    public SipSegment MethodToken { get; private set; }

    public SipSegment RequestUri { get; private set; }

    public int StatusCode { get; private set; }

    public SipSegment ReasonPhrase { get; private set; }

    public SipSegment Body { get; private set; }

    public int CSeqIndex { get; private set; } = -1;

    public void OnRequestLine(SipMethod method, SipSegment methodToken, SipSegment requestUri)
    {
        IsRequest = true;
        Method = method;
        MethodToken = methodToken;
        RequestUri = requestUri;
    }

    public void OnStatusLine(int statusCode, SipSegment reasonPhrase)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    public void OnHeader(SipHeaderName name, SipSegment nameToken, SipSegment value, ReadOnlySpan<byte> message)
    {
        SipHeaderValidator.Validate(name, message, value);
        if (IsSingleValued(name))
        {
            uint bit = 1u << SingleValuedBit(name);
            if ((_seen & bit) != 0)
            {
                SipThrowHelper.Throw(SipRejectReason.DuplicateHeader);
            }

            _seen |= bit;
        }
        else if (name == SipHeaderName.Via)
        {
            _seen |= 1u << 8;
        }

        if (name == SipHeaderName.CSeq)
        {
            CSeqIndex = Headers.Count;
        }

        Headers.Add(new SipHeaderEntry(name, nameToken, value));
    }

    public void OnHeadersComplete(SipSegment body) => Body = body;

    /// <summary>Checks what can only be checked once every header is known.</summary>
    public void Complete(ReadOnlySpan<byte> message)
    {
        // RFC 3261 §8.1.1: To, From, CSeq, Call-ID and Via are in every message. Max-Forwards is left out so that
        // RFC 2543 requests stay acceptable (RFC 4475 §3.4.1).
        const uint Required = (1u << 0) | (1u << 1) | (1u << 2) | (1u << 3) | (1u << 8);
        if ((_seen & Required) != Required)
        {
            SipThrowHelper.Throw(SipRejectReason.MissingRequiredHeader);
        }

        if (IsRequest)
        {
            var reader = new SipValueReader(message, Headers[CSeqIndex].Value);
            SipHeaderValidator.ReadCSeq(ref reader, out _, out SipSegment cseqMethod);
            if (!cseqMethod.Slice(message).SequenceEqual(MethodToken.Slice(message)))
            {
                SipThrowHelper.Throw(SipRejectReason.CSeqMethodMismatch);
            }
        }
    }

    private static bool IsSingleValued(SipHeaderName name) => SingleValuedBit(name) >= 0;

    private static int SingleValuedBit(SipHeaderName name) => name switch
    {
        SipHeaderName.To => 0,
        SipHeaderName.From => 1,
        SipHeaderName.CSeq => 2,
        SipHeaderName.CallId => 3,
        SipHeaderName.MaxForwards => 4,
        SipHeaderName.ContentType => 5,
        SipHeaderName.Expires => 6,
        _ => -1,
    };
}
