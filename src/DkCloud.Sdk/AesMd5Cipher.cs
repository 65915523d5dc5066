using System;
using System.Security.Cryptography;
using System.Text;

namespace DkCloud.Sdk;

/// <summary>AES-128-CBC, PKCS#7, key = MD5(UTF-8 token), random IV prepended, Base64 (docs/protocol.md §6).</summary>
public sealed class AesMd5Cipher : IDkyCipher
{
    private const int IvLength = 16;

    /// <inheritdoc />
    public string Encrypt(string text, string token)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        using var aes = Create(token);
        aes.GenerateIV();
        using var encryptor = aes.CreateEncryptor();
        var plain = Encoding.UTF8.GetBytes(text);
        var cipher = encryptor.TransformFinalBlock(plain, 0, plain.Length);
        var output = new byte[IvLength + cipher.Length];
        Buffer.BlockCopy(aes.IV, 0, output, 0, IvLength);
        Buffer.BlockCopy(cipher, 0, output, IvLength, cipher.Length);
        return Convert.ToBase64String(output);
    }

    /// <inheritdoc />
    public string Decrypt(string cipherText, string token)
    {
        if (cipherText is null)
        {
            throw new ArgumentNullException(nameof(cipherText));
        }

        byte[] input;
        try
        {
            input = Convert.FromBase64String(cipherText);
        }
        catch (FormatException ex)
        {
            throw new DkyException(DkyErrorCodes.InvalidRequest, "The encrypted text is not Base64.", "decrypt", ex);
        }

        if (input.Length < IvLength + 16 || (input.Length - IvLength) % 16 != 0)
        {
            throw new DkyException(DkyErrorCodes.InvalidRequest, "The encrypted text has the wrong length.", "decrypt");
        }

        using var aes = Create(token);
        var iv = new byte[IvLength];
        Buffer.BlockCopy(input, 0, iv, 0, IvLength);
        aes.IV = iv;
        using var decryptor = aes.CreateDecryptor();
        try
        {
            var plain = decryptor.TransformFinalBlock(input, IvLength, input.Length - IvLength);
            return Encoding.UTF8.GetString(plain);
        }
        catch (CryptographicException ex)
        {
            throw new DkyException(DkyErrorCodes.InvalidRequest, "The text could not be decrypted with this token.", "decrypt", ex);
        }
    }

    private static Aes Create(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new ArgumentException("A token is required.", nameof(token));
        }

        var aes = Aes.Create();
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.PKCS7;
#pragma warning disable CA5351 // MD5 derives the key as the protocol defines it, not for security of its own.
        using (var md5 = MD5.Create())
        {
            aes.Key = md5.ComputeHash(Encoding.UTF8.GetBytes(token));
        }
#pragma warning restore CA5351
        return aes;
    }
}
