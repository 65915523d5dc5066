using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// Parses one whole SIP message (RFC 7118: one per WebSocket message) from bytes and reports its parts to a
/// handler. Framing only: the start line, header lines with folding, and the body by Content-Length.
/// Header values are checked by the handler.
/// </summary>
internal static class SipParser
{
    private static readonly byte[] SipVersion = "SIP/2.0"u8.ToArray();

    /// <summary>Parses <paramref name="message"/>; returns the number of bytes the message uses (trailing bytes past
    /// Content-Length are not part of it, RFC 3261 §18.3).</summary>
    /// <exception cref="SipParseException">The message is malformed, incomplete or over a limit.</exception>
    public static int Parse<THandler>(ReadOnlySpan<byte> message, ref THandler handler, SipParserLimits limits)
        where THandler : ISipMessageHandler
    {
        if (message.Length > limits.MaxMessageSize)
        {
            SipThrowHelper.Throw(SipRejectReason.MessageTooLarge);
        }

        // RFC 3261 §7.5: CRLFs before the start line are ignored.
        int position = 0;
        while (position < message.Length && (message[position] == SipSyntax.CR || message[position] == SipSyntax.LF))
        {
            position++;
        }

        int lineEnd = FindLineEnd(message, position, out int next);
        if (lineEnd < 0)
        {
            SipThrowHelper.Throw(message.Length - position > limits.MaxStartLineLength
                ? SipRejectReason.StartLineTooLong
                : SipRejectReason.IncompleteStartLine);
        }

        if (lineEnd - position > limits.MaxStartLineLength)
        {
            SipThrowHelper.Throw(SipRejectReason.StartLineTooLong);
        }

        ParseStartLine(message, position, lineEnd, ref handler);
        position = next;

        int headerCount = 0;
        long contentLength = -1;
        while (true)
        {
            if (position >= message.Length)
            {
                SipThrowHelper.Throw(SipRejectReason.IncompleteHeaders);
            }

            byte first = message[position];
            if (first == SipSyntax.CR || first == SipSyntax.LF)
            {
                if (first == SipSyntax.CR && (position + 1 >= message.Length || message[position + 1] != SipSyntax.LF))
                {
                    SipThrowHelper.Throw(position + 1 >= message.Length ? SipRejectReason.IncompleteHeaders : SipRejectReason.InvalidHeaderLine);
                }

                position += first == SipSyntax.CR ? 2 : 1;
                break;
            }

            if (SipSyntax.IsWhite(first))
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidHeaderLine);
            }

            int fieldEnd = FindFieldEnd(message, position, limits.MaxHeaderLength, out next);
            if (++headerCount > limits.MaxHeaderCount)
            {
                SipThrowHelper.Throw(SipRejectReason.TooManyHeaders);
            }

            ParseHeader(message, position, fieldEnd, ref handler, ref contentLength);
            position = next;
        }

        int available = message.Length - position;
        int bodyLength = available;
        if (contentLength >= 0)
        {
            if (contentLength > available)
            {
                SipThrowHelper.Throw(SipRejectReason.IncompleteBody);
            }

            bodyLength = (int)contentLength;
        }

        handler.OnHeadersComplete(new SipSegment(position, bodyLength));
        return position + bodyLength;
    }

    /// <summary>Finds the end of the line starting at <paramref name="start"/> (before CRLF or LF); -1 when there is no LF.</summary>
    private static int FindLineEnd(ReadOnlySpan<byte> message, int start, out int next)
    {
        int lf = message.Slice(start).IndexOf(SipSyntax.LF);
        if (lf < 0)
        {
            next = message.Length;
            return -1;
        }

        lf += start;
        next = lf + 1;
        return lf > start && message[lf - 1] == SipSyntax.CR ? lf - 1 : lf;
    }

    /// <summary>Finds the end of a header field, following folded continuation lines (RFC 3261 §7.3.1).</summary>
    private static int FindFieldEnd(ReadOnlySpan<byte> message, int start, int maxLength, out int next)
    {
        int position = start;
        while (true)
        {
            int lineEnd = FindLineEnd(message, position, out next);
            if (lineEnd < 0 || lineEnd - start > maxLength)
            {
                SipThrowHelper.Throw(lineEnd < 0 && message.Length - start <= maxLength
                    ? SipRejectReason.IncompleteHeaders
                    : SipRejectReason.HeaderTooLong);
            }

            if (next < message.Length && SipSyntax.IsWhite(message[next]))
            {
                position = next;
                continue;
            }

            return lineEnd;
        }
    }

    private static void ParseStartLine<THandler>(ReadOnlySpan<byte> message, int start, int end, ref THandler handler)
        where THandler : ISipMessageHandler
    {
        ReadOnlySpan<byte> line = message.Slice(start, end - start);
        if (line.IndexOf(SipSyntax.CR) >= 0)
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidRequestLine);
        }

        if (line.Length >= 4 && SipSyntax.EqualsIgnoreCase(line.Slice(0, 4), "SIP/"))
        {
            ParseStatusLine(line, start, ref handler);
            return;
        }

        int firstSpace = line.IndexOf(SipSyntax.SP);
        if (firstSpace <= 0)
        {
            SipThrowHelper.Throw(firstSpace == 0 ? SipRejectReason.InvalidRequestLine : SipRejectReason.InvalidMethod);
        }

        ReadOnlySpan<byte> method = line.Slice(0, firstSpace);
        if (!SipSyntax.IsToken(method))
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidMethod);
        }

        int secondSpace = line.Slice(firstSpace + 1).IndexOf(SipSyntax.SP);
        if (secondSpace <= 0)
        {
            // No second SP, or two SPs in a row (RFC 4475 §3.1.2.9).
            SipThrowHelper.Throw(SipRejectReason.InvalidRequestLine);
        }

        secondSpace += firstSpace + 1;
        ReadOnlySpan<byte> version = line.Slice(secondSpace + 1);
        CheckVersion(version, SipRejectReason.InvalidRequestLine);
        ReadOnlySpan<byte> uri = line.Slice(firstSpace + 1, secondSpace - firstSpace - 1);
        SipRequestUriValidator.Validate(uri);
        handler.OnRequestLine(
            SipMethods.Lookup(method),
            new SipSegment(start, firstSpace),
            new SipSegment(start + firstSpace + 1, uri.Length));
    }

    private static void ParseStatusLine<THandler>(ReadOnlySpan<byte> line, int start, ref THandler handler)
        where THandler : ISipMessageHandler
    {
        int space = line.IndexOf(SipSyntax.SP);
        if (space < 0)
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidStatusLine);
        }

        CheckVersion(line.Slice(0, space), SipRejectReason.InvalidStatusLine);
        ReadOnlySpan<byte> rest = line.Slice(space + 1);
        int codeEnd = rest.IndexOf(SipSyntax.SP);
        ReadOnlySpan<byte> code = codeEnd < 0 ? rest : rest.Slice(0, codeEnd);
        ulong status = 0;
        if (code.Length != 3 || !SipSyntax.TryParseDigits(code, 699, out status) || status < 100)
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidStatusCode);
        }

        int reasonStart = codeEnd < 0 ? line.Length : space + 1 + codeEnd + 1;
        ReadOnlySpan<byte> reason = line.Slice(reasonStart);
        foreach (byte b in reason)
        {
            if (b < 0x20 && b != SipSyntax.HT)
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidStatusLine);
            }
        }

        handler.OnStatusLine((int)status, new SipSegment(start + reasonStart, reason.Length));
    }

    private static void CheckVersion(ReadOnlySpan<byte> version, SipRejectReason otherwise)
    {
        if (version.SequenceEqual(SipVersion) || SipSyntax.EqualsIgnoreCase(version, "SIP/2.0"))
        {
            return;
        }

        // "SIP/" 1*DIGIT "." 1*DIGIT with another number is a version we do not speak (505); anything else is garbage.
        if (version.Length > 4 && SipSyntax.EqualsIgnoreCase(version.Slice(0, 4), "SIP/"))
        {
            ReadOnlySpan<byte> numbers = version.Slice(4);
            int dot = numbers.IndexOf((byte)'.');
            if (dot > 0 && SipSyntax.TryParseDigits(numbers.Slice(0, dot), int.MaxValue, out _)
                && SipSyntax.TryParseDigits(numbers.Slice(dot + 1), int.MaxValue, out _))
            {
                SipThrowHelper.Throw(SipRejectReason.UnsupportedVersion);
            }
        }

        SipThrowHelper.Throw(otherwise);
    }

    private static void ParseHeader<THandler>(ReadOnlySpan<byte> message, int start, int end, ref THandler handler, ref long contentLength)
        where THandler : ISipMessageHandler
    {
        ReadOnlySpan<byte> field = message.Slice(start, end - start);
        // A CR is only allowed as part of a fold (CRLF followed by white space).
        ReadOnlySpan<byte> rest = field;
        int cr;
        while ((cr = rest.IndexOf(SipSyntax.CR)) >= 0)
        {
            if (cr + 1 >= rest.Length || rest[cr + 1] != SipSyntax.LF)
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidHeaderLine);
            }

            rest = rest.Slice(cr + 2);
        }

        int colon = field.IndexOf((byte)':');
        if (colon < 0)
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidHeaderLine);
        }

        // header-name HCOLON: white space may sit between the name and the colon (RFC 4475 §3.1.1.7).
        int nameEnd = colon;
        while (nameEnd > 0 && SipSyntax.IsWhite(field[nameEnd - 1]))
        {
            nameEnd--;
        }

        ReadOnlySpan<byte> name = field.Slice(0, nameEnd);
        if (!SipSyntax.IsToken(name))
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidHeaderName);
        }

        int valueStart = colon + 1;
        int valueEnd = field.Length;
        while (valueStart < valueEnd && SipSyntax.IsLws(field[valueStart]))
        {
            valueStart++;
        }

        while (valueEnd > valueStart && SipSyntax.IsLws(field[valueEnd - 1]))
        {
            valueEnd--;
        }

        SipHeaderName known = SipHeaderNames.Lookup(name);
        var value = new SipSegment(start + valueStart, valueEnd - valueStart);
        if (known == SipHeaderName.ContentLength)
        {
            if (contentLength >= 0)
            {
                SipThrowHelper.Throw(SipRejectReason.MultipleContentLength);
            }

            if (!SipSyntax.TryParseDigits(value.Slice(message), int.MaxValue, out ulong length))
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidContentLength);
            }

            contentLength = (long)length;
        }

        handler.OnHeader(known, new SipSegment(start, nameEnd), value, message);
    }
}
