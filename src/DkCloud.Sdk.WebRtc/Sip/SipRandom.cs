using System.Security.Cryptography;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Random identifiers: branches, tags, Call-IDs, client nonces, the RFC 7118 .invalid host.</summary>
internal static class SipRandom
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Hex text of <paramref name="byteCount"/> random bytes.</summary>
    public static string CreateHex(int byteCount)
    {
        var bytes = new byte[byteCount];
        using (var generator = RandomNumberGenerator.Create())
        {
            generator.GetBytes(bytes);
        }

        return SipSyntax.ToHexLower(bytes);
    }

    /// <summary>Random lower-case letters and digits.</summary>
    public static string CreateToken(int length)
    {
        var bytes = new byte[length];
        using (var generator = RandomNumberGenerator.Create())
        {
            generator.GetBytes(bytes);
        }

        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        }

        return new string(chars);
    }

    /// <summary>A new branch with the RFC 3261 magic cookie.</summary>
    public static string CreateBranch() => SipVia.BranchCookie + CreateToken(16);

    /// <summary>A new From/To tag.</summary>
    public static string CreateTag() => CreateToken(10);

    /// <summary>A new Call-ID.</summary>
    public static string CreateCallId() => CreateToken(22);
}
