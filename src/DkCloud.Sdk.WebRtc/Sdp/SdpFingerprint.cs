using System;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary><c>a=fingerprint:&lt;hash&gt; &lt;hex:hex:…&gt;</c> (RFC 8122 §5).</summary>
internal sealed class SdpFingerprint
{
    /// <summary>Creates a fingerprint.</summary>
    public SdpFingerprint(string hashFunction, string value)
    {
        HashFunction = hashFunction;
        Value = value;
    }

    /// <summary>The hash function, e.g. <c>sha-256</c> (compare case-insensitively).</summary>
    public string HashFunction { get; }

    /// <summary>Upper- or lower-case hex bytes separated by colons.</summary>
    public string Value { get; }

    /// <summary>The fingerprint bytes.</summary>
    public byte[] GetBytes()
    {
        string[] parts = Value.Split(':');
        var bytes = new byte[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            bytes[i] = Convert.ToByte(parts[i], 16);
        }

        return bytes;
    }

    /// <summary>Parses the value after <c>a=fingerprint:</c>.</summary>
    public static SdpFingerprint Parse(string value)
    {
        int space = value.IndexOf(' ');
        if (space <= 0)
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidAttribute);
        }

        string hex = value.Substring(space + 1).Trim();
        string[] parts = hex.Split(':');
        foreach (string part in parts)
        {
            if (part.Length != 2 || !IsHex(part[0]) || !IsHex(part[1]))
            {
                SdpThrowHelper.Throw(SdpRejectReason.InvalidAttribute);
            }
        }

        return new SdpFingerprint(value.Substring(0, space), hex);
    }

    /// <summary>The value after <c>a=fingerprint:</c>.</summary>
    public override string ToString() => HashFunction + " " + Value;

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}
