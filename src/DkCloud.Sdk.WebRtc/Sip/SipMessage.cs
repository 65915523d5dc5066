using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// A parsed SIP message. It keeps the original bytes and an offset table of its headers; typed accessors
/// (in <c>SipMessage.Headers.cs</c>) parse a header only when asked and make strings only then.
/// </summary>
/// <remarks>Immutable once parsed; safe to read from several threads. The bytes passed to
/// <see cref="Parse(ReadOnlyMemory{byte}, SipParserLimits?)"/> must not change while the message is in use.</remarks>
internal sealed partial class SipMessage
{
    private readonly SipHeaderEntry[] _headers;
    private readonly SipSegment _methodToken;
    private readonly SipSegment _requestUri;
    private readonly SipSegment _reasonPhrase;
    private readonly SipSegment _body;

    private SipMessage(ReadOnlyMemory<byte> data, SipMessageCollector collector)
    {
        Data = data;
        _headers = collector.Headers.ToArray();
        IsRequest = collector.IsRequest;
        Method = collector.Method;
        StatusCode = collector.StatusCode;
        _methodToken = collector.MethodToken;
        _requestUri = collector.RequestUri;
        _reasonPhrase = collector.ReasonPhrase;
        _body = collector.Body;
    }

    /// <summary>The bytes of the message: start line, headers and Content-Length bytes of body (trailing bytes dropped).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>True for a request, false for a response.</summary>
    public bool IsRequest { get; }

    /// <summary>The known request method; <see cref="SipMethod.Unknown"/> for extension methods and responses.</summary>
    public SipMethod Method { get; }

    /// <summary>The method token of a request as written; null for a response.</summary>
    public string? MethodName => IsRequest ? SipSyntax.GetString(_methodToken.Slice(Data.Span)) : null;

    /// <summary>The status code of a response; 0 for a request.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase of a response (UTF-8, possibly empty); null for a request.</summary>
    public string? ReasonPhrase => IsRequest ? null : SipSyntax.GetString(_reasonPhrase.Slice(Data.Span));

    /// <summary>The Request-URI as written; null for a response.</summary>
    public string? RequestUriText => IsRequest ? SipSyntax.GetString(_requestUri.Slice(Data.Span)) : null;

    /// <summary>The Request-URI as a sip/sips/tel URI; null for a response or another scheme (answer 416).</summary>
    public SipUri? RequestUri => SipUri.TryParse(RequestUriText, out SipUri? uri) ? uri : null;

    /// <summary>The body bytes (exactly Content-Length of them).</summary>
    public ReadOnlyMemory<byte> Body => Data.Slice(_body.Start, _body.Length);

    /// <summary>Number of header fields.</summary>
    public int HeaderCount => _headers.Length;

    /// <summary>The header fields in order, as offsets into <see cref="Data"/>.</summary>
    public ReadOnlySpan<SipHeaderEntry> HeaderEntries => _headers;

    /// <summary>Parses one whole message. The message keeps a reference to <paramref name="data"/>.</summary>
    /// <exception cref="SipParseException">The message is rejected; <see cref="SipParseException.Reason"/> says why.</exception>
    public static SipMessage Parse(ReadOnlyMemory<byte> data, SipParserLimits? limits = null)
    {
        var collector = new SipMessageCollector();
        int length = SipParser.Parse(data.Span, ref collector, limits ?? SipParserLimits.Default);
        ReadOnlyMemory<byte> used = data.Slice(0, length);
        collector.Complete(used.Span);
        return new SipMessage(used, collector);
    }

    /// <summary>Parses one whole message; false with the reason when it is rejected.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> data, out SipMessage? message, out SipRejectReason reason, SipParserLimits? limits = null)
    {
        try
        {
            message = Parse(data, limits);
            reason = default;
            return true;
        }
        catch (SipParseException exception)
        {
            message = null;
            reason = exception.Reason;
            return false;
        }
    }

    /// <summary>The name of a header entry as written.</summary>
    public string GetHeaderName(int index) => SipSyntax.GetString(_headers[index].NameToken.Slice(Data.Span));

    /// <summary>The value of a header entry, folds replaced by single spaces.</summary>
    public string GetHeaderValue(int index) => SipSyntax.GetNormalizedString(_headers[index].Value.Slice(Data.Span));

    /// <summary>The first value of a known header, or null.</summary>
    public string? GetHeaderValue(SipHeaderName name)
    {
        int index = IndexOf(name);
        return index < 0 ? null : GetHeaderValue(index);
    }

    /// <summary>The first value of a header found by name (long or compact form, case-insensitive), or null.</summary>
    public string? GetHeaderValue(string name)
    {
        SipHeaderName known = SipHeaderNames.Lookup(name);
        if (known != SipHeaderName.Unknown)
        {
            return GetHeaderValue(known);
        }

        for (int i = 0; i < _headers.Length; i++)
        {
            if (_headers[i].Name == SipHeaderName.Unknown && SipSyntax.EqualsIgnoreCase(_headers[i].NameToken.Slice(Data.Span), name))
            {
                return GetHeaderValue(i);
            }
        }

        return null;
    }

    /// <summary>Every value of a known header, in order (one entry per header line).</summary>
    public IReadOnlyList<string> GetHeaderValues(SipHeaderName name)
    {
        var values = new List<string>();
        for (int i = 0; i < _headers.Length; i++)
        {
            if (_headers[i].Name == name)
            {
                values.Add(GetHeaderValue(i));
            }
        }

        return values;
    }

    /// <summary>True when at least one header of this kind is present.</summary>
    public bool Contains(SipHeaderName name) => IndexOf(name) >= 0;

    private int IndexOf(SipHeaderName name)
    {
        for (int i = 0; i < _headers.Length; i++)
        {
            if (_headers[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
