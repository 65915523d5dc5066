using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// Checks the syntax of the header values the stack relies on, as each header is parsed, without allocating.
/// Extension headers are not checked.
/// </summary>
internal static class SipHeaderValidator
{
    private static readonly string[] WeekDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Largest CSeq number: RFC 3261 §8.1.1.5 requires it to be below 2^31.</summary>
    public const ulong MaxCSeq = int.MaxValue;

    /// <summary>Validates the value of a known header; throws <see cref="SipParseException"/> when malformed.</summary>
    public static void Validate(SipHeaderName name, ReadOnlySpan<byte> message, SipSegment value)
    {
        var reader = new SipValueReader(message, value);
        switch (name)
        {
            case SipHeaderName.CallId:
                ValidateCallId(value.Slice(message));
                break;
            case SipHeaderName.CSeq:
                ReadCSeq(ref reader, out _, out _);
                break;
            case SipHeaderName.From:
            case SipHeaderName.To:
                SipHeaderGrammar.ReadNameAddress(ref reader, allowAddrSpec: true, inList: false, sink: null);
                reader.ExpectEnd(SipRejectReason.InvalidNameAddress);
                break;
            case SipHeaderName.Contact:
                ValidateContact(ref reader);
                break;
            case SipHeaderName.Route:
            case SipHeaderName.RecordRoute:
                do
                {
                    SipHeaderGrammar.ReadNameAddress(ref reader, allowAddrSpec: false, inList: true, sink: null);
                }
                while (SipHeaderGrammar.NextListElement(ref reader, SipRejectReason.InvalidNameAddress));
                break;
            case SipHeaderName.Via:
                do
                {
                    SipHeaderGrammar.ReadVia(ref reader, sink: null);
                }
                while (SipHeaderGrammar.NextListElement(ref reader, SipRejectReason.InvalidVia));
                break;
            case SipHeaderName.MaxForwards:
                if (!SipSyntax.TryParseDigits(value.Slice(message), 255, out _))
                {
                    SipThrowHelper.Throw(SipRejectReason.InvalidMaxForwards);
                }

                break;
            case SipHeaderName.Expires:
                if (!SipSyntax.TryParseDigits(value.Slice(message), uint.MaxValue, out _))
                {
                    SipThrowHelper.Throw(SipRejectReason.InvalidExpires);
                }

                break;
            case SipHeaderName.ContentType:
                ValidateContentType(ref reader);
                break;
            case SipHeaderName.Date:
                ValidateDate(value.Slice(message));
                break;
        }
    }

    /// <summary>Reads <c>1*DIGIT LWS Method</c>.</summary>
    public static void ReadCSeq(ref SipValueReader reader, out uint number, out SipSegment method)
    {
        reader.SkipLws();
        SipSegment digits = reader.ReadDigits();
        if (!SipSyntax.TryParseDigits(digits.Slice(reader.Message), MaxCSeq, out ulong value) || !reader.SkipLws())
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidCSeq);
        }

        method = reader.ReadToken();
        if (method.IsEmpty)
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidCSeq);
        }

        reader.ExpectEnd(SipRejectReason.InvalidCSeq);
        number = (uint)value;
    }

    private static void ValidateCallId(ReadOnlySpan<byte> callId)
    {
        int at = callId.IndexOf((byte)'@');
        bool valid = !callId.IsEmpty && at != 0 && at != callId.Length - 1
            && (at < 0 || callId.Slice(at + 1).IndexOf((byte)'@') < 0);
        foreach (byte b in callId)
        {
            valid &= b == (byte)'@' || SipSyntax.IsWord(b);
        }

        if (!valid)
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidCallId);
        }
    }

    private static void ValidateContact(ref SipValueReader reader)
    {
        reader.SkipLws();
        if (reader.TryRead((byte)'*'))
        {
            reader.ExpectEnd(SipRejectReason.InvalidNameAddress);
            return;
        }

        do
        {
            SipHeaderGrammar.ReadNameAddress(ref reader, allowAddrSpec: true, inList: true, sink: null);
        }
        while (SipHeaderGrammar.NextListElement(ref reader, SipRejectReason.InvalidNameAddress));
    }

    private static void ValidateContentType(ref SipValueReader reader)
    {
        reader.SkipLws();
        if (reader.ReadToken().IsEmpty || !reader.TryReadSeparator((byte)'/') || reader.ReadToken().IsEmpty)
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidContentType);
        }

        SipHeaderGrammar.ReadParameters(ref reader, null, SipRejectReason.InvalidContentType);
        reader.ExpectEnd(SipRejectReason.InvalidContentType);
    }

    private static void ValidateDate(ReadOnlySpan<byte> date)
    {
        // rfc1123-date = wkday "," SP 2DIGIT SP month SP 4DIGIT SP 2DIGIT ":" 2DIGIT ":" 2DIGIT SP "GMT" (RFC 3261 §20.17).
        const string Pattern = "www, dd mmm yyyy hh:mm:ss GMT";
        bool valid = date.Length == Pattern.Length
            && Contains(WeekDays, date.Slice(0, 3))
            && Contains(Months, date.Slice(8, 3));
        for (int i = 0; valid && i < Pattern.Length; i++)
        {
            char p = Pattern[i];
            byte b = date[i];
            valid = p switch
            {
                'd' or 'y' or 'h' or 's' => SipSyntax.IsDigit(b),
                'm' => i < 14 || SipSyntax.IsDigit(b),
                'w' => true,
                _ => b == p,
            };
        }

        if (!valid)
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidDate);
        }
    }

    private static bool Contains(string[] names, ReadOnlySpan<byte> value)
    {
        foreach (string name in names)
        {
            if (SipSyntax.EqualsIgnoreCase(value, name))
            {
                return true;
            }
        }

        return false;
    }
}
