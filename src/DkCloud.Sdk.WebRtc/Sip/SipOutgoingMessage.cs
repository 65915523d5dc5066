using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// A request or response to send: start line, headers in order and body. Content-Length is always computed from
/// the body when written, never taken from the header list.
/// </summary>
internal sealed class SipOutgoingMessage
{
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();
    private readonly List<KeyValuePair<string, string>> _headers = new();

    private SipOutgoingMessage(string? method, string? requestUri, int statusCode, string? reasonPhrase)
    {
        Method = method;
        RequestUri = requestUri;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    /// <summary>The request method token; null for a response.</summary>
    public string? Method { get; }

    /// <summary>The Request-URI; null for a response.</summary>
    public string? RequestUri { get; }

    /// <summary>The status code; 0 for a request.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase; null for a request.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The headers in order (Content-Length excluded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>Creates a request.</summary>
    public static SipOutgoingMessage CreateRequest(string method, string requestUri)
        => new(method ?? throw new ArgumentNullException(nameof(method)), requestUri ?? throw new ArgumentNullException(nameof(requestUri)), 0, null);

    /// <summary>Creates a response; the reason phrase defaults to the one in <see cref="SipStatus"/>.</summary>
    public static SipOutgoingMessage CreateResponse(int statusCode, string? reasonPhrase = null)
        => new(null, null, statusCode, reasonPhrase ?? SipStatus.Get(statusCode).ReasonPhrase);

    /// <summary>Copies a parsed message (header values with folds replaced by spaces) so it can be written again.</summary>
    public static SipOutgoingMessage From(SipMessage message)
    {
        SipOutgoingMessage result = message.IsRequest
            ? CreateRequest(message.MethodName!, message.RequestUriText!)
            : CreateResponse(message.StatusCode, message.ReasonPhrase);
        for (int i = 0; i < message.HeaderCount; i++)
        {
            if (message.HeaderEntries[i].Name != SipHeaderName.ContentLength)
            {
                result.Add(message.GetHeaderName(i), message.GetHeaderValue(i));
            }
        }

        result.Body = message.Body;
        return result;
    }

    /// <summary>Appends a known header under its canonical name.</summary>
    public SipOutgoingMessage Add(SipHeaderName name, string value) => Add(SipHeaderNames.ToName(name), value);

    /// <summary>Appends a header.</summary>
    public SipOutgoingMessage Add(string name, string value)
    {
        if (string.IsNullOrEmpty(name) || value is null || value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0)
        {
            throw new ArgumentException("A header needs a name and a single-line value.", nameof(value));
        }

        if (SipHeaderNames.Lookup(name) == SipHeaderName.ContentLength)
        {
            throw new ArgumentException("Content-Length is computed from the body.", nameof(name));
        }

        _headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Removes every header of this kind (long and compact names alike).</summary>
    public SipOutgoingMessage Remove(SipHeaderName name)
    {
        _headers.RemoveAll(h => SipHeaderNames.Lookup(h.Key) == name);
        return this;
    }

    /// <summary>The first value of a known header, or null.</summary>
    public string? Get(SipHeaderName name)
    {
        foreach (KeyValuePair<string, string> header in _headers)
        {
            if (SipHeaderNames.Lookup(header.Key) == name)
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>Writes the message with a correct Content-Length.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (Method is not null)
        {
            WriteText(writer, Method);
            WriteText(writer, " ");
            WriteText(writer, RequestUri!);
            WriteText(writer, " SIP/2.0");
        }
        else
        {
            WriteText(writer, "SIP/2.0 ");
            WriteText(writer, StatusCode.ToString(CultureInfo.InvariantCulture));
            WriteText(writer, " ");
            WriteText(writer, ReasonPhrase ?? string.Empty);
        }

        writer.Write(CrLf);
        foreach (KeyValuePair<string, string> header in _headers)
        {
            WriteText(writer, header.Key);
            WriteText(writer, ": ");
            WriteText(writer, header.Value);
            writer.Write(CrLf);
        }

        WriteText(writer, "Content-Length: ");
        WriteText(writer, Body.Length.ToString(CultureInfo.InvariantCulture));
        writer.Write(CrLf);
        writer.Write(CrLf);
        writer.Write(Body.Span);
    }

    /// <summary>The message as a new array.</summary>
    public byte[] ToArray()
    {
        using var writer = new SipPooledBufferWriter(512 + Body.Length);
        WriteTo(writer);
        return writer.WrittenMemory.ToArray();
    }

    /// <summary>The message as text (for logs of messages without binary bodies).</summary>
    public override string ToString() => Encoding.UTF8.GetString(ToArray());

    private static void WriteText(IBufferWriter<byte> writer, string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        Span<byte> span = writer.GetSpan(max);
#if NETSTANDARD2_0
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        bytes.CopyTo(span);
        writer.Advance(bytes.Length);
#else
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
#endif
    }
}
