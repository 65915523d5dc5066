using System;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Character classes and small helpers of the RFC 3261 §25 grammar.</summary>
internal static class SipSyntax
{
    public const byte CR = (byte)'\r';
    public const byte LF = (byte)'\n';
    public const byte SP = (byte)' ';
    public const byte HT = (byte)'\t';

    private const byte TokenFlag = 1;
    private const byte WordFlag = 2;
    private const byte HostFlag = 4;

    private static readonly byte[] Classes = CreateClasses();

    /// <summary>RFC 3261 token character: alphanum and <c>-.!%*_+`'~</c>.</summary>
    public static bool IsToken(byte b) => (Classes[b] & TokenFlag) != 0;

    /// <summary>RFC 3261 word character (Call-ID): token characters plus <c>()&lt;&gt;:\"/[]?{}</c>.</summary>
    public static bool IsWord(byte b) => (Classes[b] & WordFlag) != 0;

    /// <summary>Characters of a host name, IPv4 address or bracketed IPv6 reference.</summary>
    public static bool IsHost(byte b) => (Classes[b] & HostFlag) != 0;

    /// <summary>Linear white space, folding included: SP, HT, CR, LF.</summary>
    public static bool IsLws(byte b) => b == SP || b == HT || b == CR || b == LF;

    /// <summary>SP or HT.</summary>
    public static bool IsWhite(byte b) => b == SP || b == HT;

    /// <summary>ASCII digit.</summary>
    public static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

    /// <summary>ASCII letter.</summary>
    public static bool IsAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>True when every byte is a token character and there is at least one.</summary>
    public static bool IsToken(ReadOnlySpan<byte> span)
    {
        if (span.IsEmpty)
        {
            return false;
        }

        foreach (byte b in span)
        {
            if (!IsToken(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares ASCII bytes with an ASCII string, ignoring case.</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> bytes, string text)
    {
        if (bytes.Length != text.Length)
        {
            return false;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            int a = bytes[i];
            int b = text[i];
            if (a != b && ((a | 0x20) != (b | 0x20) || !IsAlpha((byte)a)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Trims linear white space (folding included) from both ends.</summary>
    public static ReadOnlySpan<byte> TrimLws(ReadOnlySpan<byte> span)
    {
        int start = 0;
        int end = span.Length;
        while (start < end && IsLws(span[start]))
        {
            start++;
        }

        while (end > start && IsLws(span[end - 1]))
        {
            end--;
        }

        return span.Slice(start, end - start);
    }

    /// <summary>
    /// Parses 1*DIGIT into an unsigned value no larger than <paramref name="max"/>; false for empty input,
    /// another character, or overflow past <paramref name="max"/>.
    /// </summary>
    public static bool TryParseDigits(ReadOnlySpan<byte> span, ulong max, out ulong value)
    {
        value = 0;
        if (span.IsEmpty)
        {
            return false;
        }

        foreach (byte b in span)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            ulong next = (value * 10) + (ulong)(b - '0');
            if (value > max / 10 || next > max)
            {
                return false;
            }

            value = next;
        }

        return true;
    }

    /// <summary>Decodes UTF-8 bytes to a string.</summary>
    public static string GetString(ReadOnlySpan<byte> span)
    {
        if (span.IsEmpty)
        {
            return string.Empty;
        }
#if NETSTANDARD2_0
        return Encoding.UTF8.GetString(span.ToArray());
#else
        return Encoding.UTF8.GetString(span);
#endif
    }

    /// <summary>
    /// Decodes a header value to a string, replacing each run of linear white space that holds a line fold with
    /// one space (RFC 3261 §7.3.1: a fold is equivalent to one SP).
    /// </summary>
    public static string GetNormalizedString(ReadOnlySpan<byte> span)
    {
        if (span.IndexOfAny(CR, LF) < 0)
        {
            return GetString(span);
        }

        var builder = new StringBuilder(span.Length);
        int i = 0;
        while (i < span.Length)
        {
            if (IsLws(span[i]))
            {
                while (i < span.Length && IsLws(span[i]))
                {
                    i++;
                }

                builder.Append(' ');
                continue;
            }

            int runEnd = i;
            while (runEnd < span.Length && !IsLws(span[runEnd]))
            {
                runEnd++;
            }

            builder.Append(GetString(span.Slice(i, runEnd - i)));
            i = runEnd;
        }

        return builder.ToString();
    }

    /// <summary>Lower-case hexadecimal text of <paramref name="bytes"/>.</summary>
    public static string ToHexLower(ReadOnlySpan<byte> bytes)
    {
        const string Digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    private static byte[] CreateClasses()
    {
        var classes = new byte[256];
        for (int c = '0'; c <= '9'; c++)
        {
            classes[c] = TokenFlag | WordFlag | HostFlag;
        }

        for (int c = 'a'; c <= 'z'; c++)
        {
            classes[c] = TokenFlag | WordFlag | HostFlag;
            classes[c - 32] = TokenFlag | WordFlag | HostFlag;
        }

        foreach (char c in "-.!%*_+`'~")
        {
            classes[c] |= TokenFlag | WordFlag;
        }

        foreach (char c in "()<>:\\\"/[]?{}")
        {
            classes[c] |= WordFlag;
        }

        foreach (char c in "-.[]:_")
        {
            classes[c] |= HostFlag;
        }

        return classes;
    }
}
