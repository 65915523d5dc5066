using System;
using System.Security.Cryptography;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>HMAC-SHA1 over a packet and an optional 32-bit trailer (the ROC), reusing one keyed instance.</summary>
/// <remarks>On .NET 8+ a packet costs no allocation; netstandard2.0 copies into a reused array and allocates the digest.</remarks>
internal sealed class HmacSha1Authenticator : IDisposable
{
    /// <summary>Size of the untruncated MAC.</summary>
    public const int MacLength = 20;

    private readonly IncrementalHash _hmac;
#if !NET8_0_OR_GREATER
    private byte[] _scratch = new byte[1500];
#endif

    /// <summary>Creates the authenticator with the session authentication key.</summary>
    public HmacSha1Authenticator(byte[] key)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
    }

    /// <summary>Computes HMAC(key, data || trailer) into <paramref name="mac"/> (20 bytes).</summary>
    public void Compute(ReadOnlySpan<byte> data, ReadOnlySpan<byte> trailer, Span<byte> mac)
    {
#if NET8_0_OR_GREATER
        _hmac.AppendData(data);
        _hmac.AppendData(trailer);
        _hmac.GetHashAndReset(mac);
#else
        int total = data.Length + trailer.Length;
        if (_scratch.Length < total)
        {
            _scratch = new byte[total];
        }

        data.CopyTo(_scratch);
        trailer.CopyTo(_scratch.AsSpan(data.Length));
        _hmac.AppendData(_scratch, 0, total);
        _hmac.GetHashAndReset().CopyTo(mac);
#endif
    }

    /// <inheritdoc />
    public void Dispose() => _hmac.Dispose();
}
