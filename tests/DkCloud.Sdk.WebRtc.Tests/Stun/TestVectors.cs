using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace DkCloud.Sdk.WebRtc.Tests.Stun;

/// <summary>Loads the copied standard vectors from the test output folder.</summary>
internal static class TestVectors
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Vectors", relative);

    public static string ReadText(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Reads a file of whitespace-separated hex octets.</summary>
    public static byte[] ReadHexOctets(string relative) =>
        ReadText(relative)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => byte.Parse(t, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .ToArray();

    /// <summary>Parses contiguous hex such as "9aeaa70c".</summary>
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
