using System;
using System.Security.Cryptography;
using System.Text;

namespace DkCloud.Emulator.Protocol;

/// <summary>
/// Decrypts an extension password sent with <c>isEncrypt</c> (protocol §6): Base64 of a 16-byte IV
/// followed by AES-128-CBC/PKCS#7 ciphertext, keyed with MD5 of the UTF-8 token.
/// </summary>
internal static class ExtensionPasswordCipher
{
    public static string? TryDecrypt(string cipherText, string token)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(cipherText);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length < 32 || bytes.Length % 16 != 0)
        {
            return null;
        }

#pragma warning disable CA5351 // The key derivation is the protocol's (MD5 of the token).
        var key = MD5.HashData(Encoding.UTF8.GetBytes(token));
#pragma warning restore CA5351
        using var aes = Aes.Create();
        aes.Key = key;
        try
        {
            var plain = aes.DecryptCbc(bytes.AsSpan(16), bytes.AsSpan(0, 16), PaddingMode.PKCS7);
            return Encoding.UTF8.GetString(plain);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
