using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// Readers for the structured header values of RFC 3261 §25 (name-addr, via-parm, generic params). Each works on
/// spans and reports offsets; it fills a parameter list only when one is passed, so validation allocates nothing.
/// </summary>
internal static class SipHeaderGrammar
{
    /// <summary>Reads <c>*( SEMI generic-param )</c>.</summary>
    public static void ReadParameters(ref SipValueReader reader, List<SipParameter>? sink, SipRejectReason reason)
    {
        while (reader.TryReadSeparator((byte)';'))
        {
            SipSegment name = reader.ReadToken();
            if (name.IsEmpty)
            {
                SipThrowHelper.Throw(reason);
            }

            string? value = null;
            bool quoted = false;
            if (reader.TryReadSeparator((byte)'='))
            {
                SipSegment valueSegment;
                if (reader.Current == (byte)'"')
                {
                    valueSegment = reader.ReadQuotedString();
                    quoted = true;
                }
                else
                {
                    valueSegment = reader.ReadGenericValue();
                    if (valueSegment.IsEmpty)
                    {
                        SipThrowHelper.Throw(reason);
                    }
                }

                if (sink is not null)
                {
                    value = quoted
                        ? SipQuoting.Unquote(valueSegment.Slice(reader.Message))
                        : SipSyntax.GetString(valueSegment.Slice(reader.Message));
                }
            }

            sink?.Add(new SipParameter(SipSyntax.GetString(name.Slice(reader.Message)), value, quoted));
        }
    }

    /// <summary>
    /// Reads a name-addr or (when <paramref name="allowAddrSpec"/>) a bare addr-spec, then its parameters.
    /// In a list the value stops before a comma.
    /// </summary>
    public static SipNameAddressParts ReadNameAddress(ref SipValueReader reader, bool allowAddrSpec, bool inList, List<SipParameter>? sink)
    {
        var parts = default(SipNameAddressParts);
        reader.SkipLws();
        bool bracketed = false;
        if (reader.Current == (byte)'"')
        {
            parts.DisplayName = reader.ReadQuotedString();
            parts.DisplayNameQuoted = true;
            reader.SkipLws();
            if (!reader.TryRead((byte)'<'))
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidNameAddress);
            }

            bracketed = true;
        }
        else
        {
            int start = reader.Position;
            int displayEnd = start;
            while (true)
            {
                SipSegment token = reader.ReadToken();
                if (token.IsEmpty)
                {
                    break;
                }

                displayEnd = token.End;
                reader.SkipLws();
            }

            if (reader.TryRead((byte)'<'))
            {
                parts.DisplayName = new SipSegment(start, displayEnd - start);
                bracketed = true;
            }
            else
            {
                reader.Position = start;
                CheckNoAngleBracket(ref reader, inList);
            }
        }

        if (bracketed)
        {
            int uriStart = reader.Position;
            while (!reader.AtEnd && reader.Current != (byte)'>')
            {
                if (SipSyntax.IsLws(reader.Current))
                {
                    // RFC 4475 §3.1.2.14: no white space inside the angle brackets.
                    SipThrowHelper.Throw(SipRejectReason.InvalidNameAddress);
                }

                reader.Position++;
            }

            if (!reader.TryRead((byte)'>'))
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidNameAddress);
            }

            parts.Uri = new SipSegment(uriStart, reader.Position - 1 - uriStart);
        }
        else
        {
            if (!allowAddrSpec)
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidNameAddress);
            }

            int uriStart = reader.Position;
            while (!reader.AtEnd && !SipSyntax.IsLws(reader.Current) && reader.Current != (byte)';'
                && !(inList && reader.Current == (byte)','))
            {
                byte b = reader.Current;
                if (b == (byte)'?' || b == (byte)',' || b == (byte)'<' || b == (byte)'>' || b == (byte)'"')
                {
                    // RFC 3261 §20: a URI holding ',', '?' or ';' must be enclosed in <> (RFC 4475 §3.1.2.13).
                    SipThrowHelper.Throw(SipRejectReason.InvalidNameAddress);
                }

                reader.Position++;
            }

            parts.Uri = new SipSegment(uriStart, reader.Position - uriStart);
        }

        CheckUriScheme(parts.Uri.Slice(reader.Message));
        ReadParameters(ref reader, sink, SipRejectReason.InvalidParameter);
        return parts;
    }

    /// <summary>Reads a via-parm (RFC 3261 §20.42) and its parameters.</summary>
    public static SipViaParts ReadVia(ref SipValueReader reader, List<SipParameter>? sink)
    {
        var parts = default(SipViaParts);
        reader.SkipLws();
        parts.Protocol = reader.ReadToken();
        if (parts.Protocol.IsEmpty || !reader.TryReadSeparator((byte)'/'))
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidVia);
        }

        parts.Version = reader.ReadToken();
        if (parts.Version.IsEmpty || !reader.TryReadSeparator((byte)'/'))
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidVia);
        }

        parts.Transport = reader.ReadToken();
        if (parts.Transport.IsEmpty || !reader.SkipLws())
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidVia);
        }

        parts.Host = reader.ReadHost();
        if (parts.Host.IsEmpty)
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidVia);
        }

        parts.Port = -1;
        if (reader.TryReadSeparator((byte)':'))
        {
            SipSegment port = reader.ReadDigits();
            if (!SipSyntax.TryParseDigits(port.Slice(reader.Message), 65535, out ulong portNumber))
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidVia);
            }

            parts.Port = (int)portNumber;
        }

        ReadParameters(ref reader, sink, SipRejectReason.InvalidVia);
        return parts;
    }

    /// <summary>After one element of a list: true when a comma follows (another element), false at the end.</summary>
    public static bool NextListElement(ref SipValueReader reader, SipRejectReason reason)
    {
        reader.SkipLws();
        if (reader.AtEnd)
        {
            return false;
        }

        if (!reader.TryRead((byte)','))
        {
            SipThrowHelper.Throw(reason);
        }

        reader.SkipLws();
        if (reader.AtEnd)
        {
            SipThrowHelper.Throw(reason);
        }

        return true;
    }

    private static void CheckNoAngleBracket(ref SipValueReader reader, bool inList)
    {
        // Text followed by '<' that is not a token list or a quoted string is a bad display name (RFC 4475 §3.1.2.15).
        foreach (byte b in reader.Remaining)
        {
            if (inList && b == (byte)',')
            {
                return;
            }

            if (b == (byte)'<')
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidDisplayName);
            }
        }
    }

    private static void CheckUriScheme(ReadOnlySpan<byte> uri)
    {
        // absoluteURI: scheme ":" ...; the scheme is ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
        int colon = uri.IndexOf((byte)':');
        if (colon <= 0 || colon == uri.Length - 1 || !SipSyntax.IsAlpha(uri[0]))
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidNameAddress);
        }

        for (int i = 1; i < colon; i++)
        {
            byte b = uri[i];
            if (!SipSyntax.IsAlpha(b) && !SipSyntax.IsDigit(b) && b != (byte)'+' && b != (byte)'-' && b != (byte)'.')
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidNameAddress);
            }
        }
    }
}
