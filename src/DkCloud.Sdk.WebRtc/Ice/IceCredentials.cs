using System;
using System.Security.Cryptography;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>An ICE username fragment and password (RFC 8445 section 5.3, RFC 8839 section 5.4).</summary>
internal sealed class IceCredentials
{
    private const string IceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Creates credentials from SDP values.</summary>
    /// <exception cref="ArgumentException">The ufrag has fewer than 4 or the password fewer than 22 characters.</exception>
    public IceCredentials(string ufrag, string password)
    {
        if (ufrag is null || ufrag.Length < 4 || ufrag.Length > 256)
        {
            throw new ArgumentException("An ice-ufrag has 4 to 256 characters.", nameof(ufrag));
        }

        if (password is null || password.Length < 22 || password.Length > 256)
        {
            throw new ArgumentException("An ice-pwd has 22 to 256 characters.", nameof(password));
        }

        Ufrag = ufrag;
        Password = password;
    }

    /// <summary>The username fragment (<c>a=ice-ufrag</c>).</summary>
    public string Ufrag { get; }

    /// <summary>The password (<c>a=ice-pwd</c>).</summary>
    public string Password { get; }

    /// <summary>New random credentials: an 8-character ufrag and a 24-character password (144 bits) from the ice-char set.</summary>
    public static IceCredentials Generate() => new(Random(8), Random(24));

    private static string Random(int length)
    {
        var bytes = new byte[length];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = IceChars[bytes[i] & 63];
        }

        return new string(chars);
    }
}
