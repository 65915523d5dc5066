using System;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>
/// The SASLprep profile of stringprep (RFC 4013) as far as STUN passwords need it: characters mapped to nothing
/// (RFC 3454 table B.1) are removed, non-ASCII spaces (C.1.2) become U+0020, the result is NFKC-normalised, and
/// control, private-use, surrogate and non-character code points are refused. Bidirectional checks are not made.
/// </summary>
internal static class SaslPrep
{
    /// <summary>Prepares <paramref name="value"/>; throws <see cref="ArgumentException"/> for a prohibited character.</summary>
    public static string Prepare(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var mapped = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (IsMappedToNothing(c))
            {
                continue;
            }

            mapped.Append(IsNonAsciiSpace(c) ? ' ' : c);
        }

        string normalized = mapped.ToString().Normalize(NormalizationForm.FormKC);
        for (int i = 0; i < normalized.Length; i++)
        {
            char c = normalized[i];
            if (char.IsHighSurrogate(c) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                int codePoint = char.ConvertToUtf32(c, normalized[i + 1]);
                if (codePoint >= 0xF0000 || (codePoint & 0xFFFE) == 0xFFFE)
                {
                    throw new ArgumentException("The string contains a prohibited character.", nameof(value));
                }

                i++;
                continue;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xFDD0 && c <= 0xFDEF) || c >= 0xFFFE)
            {
                throw new ArgumentException("The string contains a prohibited character.", nameof(value));
            }
        }

        return normalized;
    }

    private static bool IsMappedToNothing(char c) =>
        c == '\u00AD' || c == '\u034F' || c == '\u1806' || (c >= '\u180B' && c <= '\u180D')
        || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || (c >= '\uFE00' && c <= '\uFE0F') || c == '\uFEFF';

    private static bool IsNonAsciiSpace(char c) =>
        c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000';
}
