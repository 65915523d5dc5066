using System;

namespace DkCloud.Sdk.WebRtc.Audio.Dtmf;

/// <summary>Maps DTMF characters to RFC 4733 event codes and ITU-T Q.23 frequency pairs.</summary>
internal static class DtmfDigits
{
    /// <summary>The Q.23 low-group (row) frequencies in hertz.</summary>
    public static readonly int[] RowFrequencies = [697, 770, 852, 941];

    /// <summary>The Q.23 high-group (column) frequencies in hertz.</summary>
    public static readonly int[] ColumnFrequencies = [1209, 1336, 1477, 1633];

    private const string Keypad = "123A456B789C*0#D";

    /// <summary>True for 0-9, *, # and A-D (either case).</summary>
    public static bool IsValid(char digit) => Keypad.IndexOf(char.ToUpperInvariant(digit)) >= 0;

    /// <summary>The RFC 4733 §3.2 event code of a digit.</summary>
    public static byte ToEventCode(char digit)
    {
        char upper = char.ToUpperInvariant(digit);
        return upper switch
        {
            >= '0' and <= '9' => (byte)(upper - '0'),
            '*' => 10,
            '#' => 11,
            >= 'A' and <= 'D' => (byte)(12 + (upper - 'A')),
            _ => throw new ArgumentOutOfRangeException(nameof(digit), "Not a DTMF digit."),
        };
    }

    /// <summary>The digit of an event code; false for codes above 15 (not DTMF).</summary>
    public static bool TryFromEventCode(byte code, out char digit)
    {
        digit = code switch
        {
            <= 9 => (char)('0' + code),
            10 => '*',
            11 => '#',
            <= 15 => (char)('A' + (code - 12)),
            _ => '\0',
        };
        return digit != '\0';
    }

    /// <summary>The row and column of a digit on the 4x4 keypad.</summary>
    public static (int Row, int Column) Position(char digit)
    {
        int index = Keypad.IndexOf(char.ToUpperInvariant(digit));
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(digit), "Not a DTMF digit.");
        }

        return (index / 4, index % 4);
    }

    /// <summary>The digit at a keypad position.</summary>
    public static char At(int row, int column) => Keypad[(row * 4) + column];
}
