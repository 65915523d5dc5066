
namespace DkCloud.Sdk;

/// <summary>
/// Encrypts and decrypts extension passwords for <see cref="DkyOptions.IsEncrypt"/> (the JS <c>encrypt</c> /
/// <c>decrypt</c>). The vendor does not document its algorithm; the SDK uses AES-128-CBC with PKCS#7 padding,
/// key = MD5(UTF-8 token), a random 16-byte IV prepended, Base64 output (docs/protocol.md §6). The emulator
/// uses the same. Replace <see cref="Cipher"/> to match a different server.
/// </summary>
public static class DkyCrypto
{
    /// <summary>The algorithm in use; <see cref="AesMd5Cipher"/> by default.</summary>
    public static IDkyCipher Cipher { get; set; } = new AesMd5Cipher();

    /// <summary>Encrypts <paramref name="text"/> with the enterprise <paramref name="token"/>.</summary>
    public static string Encrypt(string text, string token) => Cipher.Encrypt(text, token);

    /// <summary>Decrypts what <see cref="Encrypt"/> produced; throws <see cref="DkyException"/> on a wrong token or damaged text.</summary>
    public static string Decrypt(string cipherText, string token) => Cipher.Decrypt(cipherText, token);
}
