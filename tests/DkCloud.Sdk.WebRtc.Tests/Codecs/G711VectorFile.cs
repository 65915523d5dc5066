using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DkCloud.Sdk.WebRtc.Tests.Stun;

namespace DkCloud.Sdk.WebRtc.Tests.Codecs;

/// <summary>Reads Vectors/g711.txt: the key pairs and the two 256-entry decode tables.</summary>
internal static class G711VectorFile
{
    private static readonly Lazy<string[]> Lines = new(() => TestVectors.ReadText("g711.txt").Split('\n'));

    /// <summary>Rows of "linear -> u-law A-law" from the key pairs section.</summary>
    public static IReadOnlyList<(short Linear, byte MuLaw, byte ALaw)> KeyPairs()
    {
        var pairs = new List<(short, byte, byte)>();
        foreach (string line in Lines.Value)
        {
            string[] parts = line.Split(new[] { ' ', '-', '>' }, StringSplitOptions.RemoveEmptyEntries);
            string trimmed = line.Trim();
            if (!trimmed.Contains("->", StringComparison.Ordinal) || parts.Length != 3 || !parts[1].StartsWith("0x", StringComparison.Ordinal))
            {
                continue;
            }

            string linear = trimmed.Substring(0, trimmed.IndexOf("->", StringComparison.Ordinal)).Trim();
            pairs.Add((short.Parse(linear, CultureInfo.InvariantCulture), ParseHex(parts[1]), ParseHex(parts[2])));
        }

        return pairs;
    }

    /// <summary>The decode table that follows the line starting with <paramref name="title"/>.</summary>
    public static short[] DecodeTable(string title)
    {
        string[] lines = Lines.Value;
        int start = Array.FindIndex(lines, l => l.StartsWith(title, StringComparison.Ordinal));
        var values = new List<short>();
        foreach (string line in lines.Skip(start + 1).Take(16))
        {
            string data = line.Substring(line.IndexOf(':', StringComparison.Ordinal) + 1);
            values.AddRange(data.Split(',').Select(v => short.Parse(v.Trim(), CultureInfo.InvariantCulture)));
        }

        return values.ToArray();
    }

    private static byte ParseHex(string text) => byte.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
