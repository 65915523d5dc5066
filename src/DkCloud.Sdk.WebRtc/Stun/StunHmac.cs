using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>
/// Computes MESSAGE-INTEGRITY and MESSAGE-INTEGRITY-SHA256 over a message prefix whose header length field must be
/// replaced by the length the message had when the integrity attribute was its last attribute (RFC 8489 section 14.5).
/// </summary>
internal static class StunHmac
{
    /// <summary>Size of the largest MAC produced (HMAC-SHA256).</summary>
    public const int MaxMacLength = 32;

    /// <summary>
    /// Computes the full HMAC over <paramref name="prefix"/> (header and attributes before the integrity attribute),
    /// with the header length field set to <paramref name="patchedLength"/>.
    /// </summary>
    /// <returns>The number of MAC bytes written: 20 for SHA-1, 32 for SHA-256.</returns>
    public static int Compute(bool sha256, ReadOnlySpan<byte> key, ReadOnlySpan<byte> prefix, ushort patchedLength, Span<byte> mac)
    {
        int macLength = sha256 ? 32 : 20;
        if (mac.Length < macLength || prefix.Length < StunConstants.HeaderLength)
        {
            throw new ArgumentException("Buffer too small for the MAC or the STUN header.");
        }

        Span<byte> header = stackalloc byte[StunConstants.HeaderLength];
        prefix.Slice(0, StunConstants.HeaderLength).CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header.Slice(2), patchedLength);
        ReadOnlySpan<byte> rest = prefix.Slice(StunConstants.HeaderLength);
        HashAlgorithmName algorithm = sha256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;

#if NET8_0_OR_GREATER
        using IncrementalHash hmac = IncrementalHash.CreateHMAC(algorithm, key);
        hmac.AppendData(header);
        hmac.AppendData(rest);
        return hmac.GetHashAndReset(mac);
#else
        byte[] keyArray = key.ToArray();
        byte[] rented = ArrayPool<byte>.Shared.Rent(prefix.Length);
        try
        {
            header.CopyTo(rented);
            rest.CopyTo(rented.AsSpan(StunConstants.HeaderLength));
            using IncrementalHash hmac = IncrementalHash.CreateHMAC(algorithm, keyArray);
            hmac.AppendData(rented, 0, prefix.Length);
            byte[] result = hmac.GetHashAndReset();
            result.CopyTo(mac);
            return result.Length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
#endif
    }
}
