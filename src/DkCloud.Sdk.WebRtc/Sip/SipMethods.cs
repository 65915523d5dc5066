using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Maps method tokens to <see cref="SipMethod"/> and back. Method names are case-sensitive (RFC 3261 §7.1).</summary>
internal static class SipMethods
{
    private static readonly string[] Names =
    [
        string.Empty, "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO", "UPDATE", "PRACK",
        "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH",
    ];

    private static readonly byte[][] NameBytes = CreateNameBytes();

    /// <summary>Returns the canonical token of a known method.</summary>
    public static string ToName(SipMethod method)
    {
        int index = (int)method;
        if (method == SipMethod.Unknown || index < 0 || index >= Names.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(method));
        }

        return Names[index];
    }

    /// <summary>Looks a method token up; <see cref="SipMethod.Unknown"/> for extension methods.</summary>
    public static SipMethod Lookup(ReadOnlySpan<byte> token)
    {
        for (int i = 1; i < NameBytes.Length; i++)
        {
            if (token.SequenceEqual(NameBytes[i]))
            {
                return (SipMethod)i;
            }
        }

        return SipMethod.Unknown;
    }

    /// <summary>Looks a method token up from text.</summary>
    public static SipMethod Lookup(string token)
    {
        for (int i = 1; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], token, StringComparison.Ordinal))
            {
                return (SipMethod)i;
            }
        }

        return SipMethod.Unknown;
    }

    private static byte[][] CreateNameBytes()
    {
        var result = new byte[Names.Length][];
        for (int i = 0; i < Names.Length; i++)
        {
            result[i] = System.Text.Encoding.ASCII.GetBytes(Names[i]);
        }

        return result;
    }
}
