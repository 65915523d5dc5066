namespace DkCloud.Sdk;

/// <summary>An algorithm for <see cref="DkyCrypto"/>.</summary>
public interface IDkyCipher
{
    /// <summary>Encrypts a text with a token.</summary>
    string Encrypt(string text, string token);

    /// <summary>Decrypts a text encrypted with the same token.</summary>
    string Decrypt(string cipherText, string token);
}
