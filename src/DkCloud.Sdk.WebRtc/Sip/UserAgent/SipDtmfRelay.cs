using System;
using System.Globalization;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>The <c>application/dtmf-relay</c> INFO body (<c>Signal=5\r\nDuration=160\r\n</c>), as JsSIP and Asterisk use it.</summary>
internal static class SipDtmfRelay
{
    /// <summary>The content type.</summary>
    public const string ContentType = "application/dtmf-relay";

    /// <summary>True for 0-9, *, #, A-D.</summary>
    public static bool IsDigit(char digit)
        => digit is >= '0' and <= '9' or '*' or '#' or >= 'A' and <= 'D';

    /// <summary>Writes a body.</summary>
    public static string Format(char digit, int durationMs)
    {
        char upper = char.ToUpperInvariant(digit);
        if (!IsDigit(upper))
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "A DTMF digit is 0-9, *, #, or A-D.");
        }

        if (durationMs is < 40 or > 6000)
        {
            throw new ArgumentOutOfRangeException(nameof(durationMs), durationMs, "A DTMF duration is 40-6000 ms.");
        }

        return "Signal=" + upper + "\r\nDuration=" + durationMs.ToString(CultureInfo.InvariantCulture) + "\r\n";
    }

    /// <summary>Reads a body; false when it has no valid Signal line.</summary>
    public static bool TryParse(string body, out char digit, out int? durationMs)
    {
        digit = '\0';
        durationMs = null;
        if (body is null)
        {
            return false;
        }

        bool found = false;
        foreach (string rawLine in body.Split('\n'))
        {
            string line = rawLine.Trim();
            int equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            string name = line.Substring(0, equals).Trim();
            string value = line.Substring(equals + 1).Trim();
            if (string.Equals(name, "Signal", StringComparison.OrdinalIgnoreCase) && value.Length == 1 && IsDigit(char.ToUpperInvariant(value[0])))
            {
                digit = char.ToUpperInvariant(value[0]);
                found = true;
            }
            else if (string.Equals(name, "Duration", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int duration))
            {
                durationMs = duration;
            }
        }

        return found;
    }
}
