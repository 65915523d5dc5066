using System;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>
/// The SRTP key derivation function (RFC 3711 section 4.3) with key_derivation_rate 0, the only rate DTLS-SRTP
/// uses: session key = AES-CM keystream under the master key, with IV = (master_salt XOR (label &lt;&lt; 48)) * 2^16.
/// A 96-bit GCM master salt is placed in the high bits with zeros after it (RFC 7714 section 11).
/// </summary>
internal static class SrtpKeyDerivation
{
    /// <summary>Label of the SRTP encryption key.</summary>
    public const byte RtpEncryption = 0x00;

    /// <summary>Label of the SRTP authentication key.</summary>
    public const byte RtpAuthentication = 0x01;

    /// <summary>Label of the SRTP salt.</summary>
    public const byte RtpSalt = 0x02;

    /// <summary>Label of the SRTCP encryption key.</summary>
    public const byte RtcpEncryption = 0x03;

    /// <summary>Label of the SRTCP authentication key.</summary>
    public const byte RtcpAuthentication = 0x04;

    /// <summary>Label of the SRTCP salt.</summary>
    public const byte RtcpSalt = 0x05;

    /// <summary>Fills <paramref name="output"/> with the session key material for <paramref name="label"/>.</summary>
    public static void Derive(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, byte label, Span<byte> output)
    {
        if (masterSalt.Length > 14)
        {
            throw new ArgumentException("The master salt has at most 112 bits.", nameof(masterSalt));
        }

        Span<byte> iv = stackalloc byte[16];
        iv.Clear();
        masterSalt.CopyTo(iv);
        iv[7] ^= label;
        output.Clear();
        using var prf = new AesCounterMode(masterKey);
        prf.Apply(iv, output);
    }

    /// <summary>Derives a new array of <paramref name="length"/> bytes for <paramref name="label"/>.</summary>
    public static byte[] Derive(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, byte label, int length)
    {
        var output = new byte[length];
        Derive(masterKey, masterSalt, label, output);
        return output;
    }
}
