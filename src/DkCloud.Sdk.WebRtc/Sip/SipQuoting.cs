using System;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Quoted-string helpers (RFC 3261 §25.1: quoted-pair escapes).</summary>
internal static class SipQuoting
{
    /// <summary>Writes <paramref name="value"/> as a quoted string, escaping quote and backslash.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            if (c == '"' || c == '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Removes the quotes and quoted-pair escapes from the bytes of a quoted string.</summary>
    public static string Unquote(ReadOnlySpan<byte> quoted)
    {
        if (quoted.Length < 2 || quoted[0] != (byte)'"')
        {
            return SipSyntax.GetNormalizedString(quoted);
        }

        ReadOnlySpan<byte> inner = quoted.Slice(1, quoted.Length - 2);
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return SipSyntax.GetNormalizedString(inner);
        }

        var bytes = new byte[inner.Length];
        int count = 0;
        for (int i = 0; i < inner.Length; i++)
        {
            if (inner[i] == (byte)'\\' && i + 1 < inner.Length)
            {
                i++;
            }

            bytes[count++] = inner[i];
        }

        return SipSyntax.GetNormalizedString(bytes.AsSpan(0, count));
    }
}
