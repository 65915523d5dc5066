using System;
using System.Security.Cryptography;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>HMAC-SHA1 (RFC 2104) over a packet and an optional short trailer (the ROC), for one key.</summary>
/// <remarks>
/// The managed implementation hashes the key's ipad and opad blocks once, here, and then costs four SHA-1
/// compressions for a 172-byte packet and no allocation. The platform implementation reuses one keyed
/// <see cref="IncrementalHash"/>; on netstandard2.0 it copies into a reused array and allocates the digest.
/// Not thread-safe.
/// </remarks>
internal sealed class HmacSha1Authenticator : IDisposable
{
    /// <summary>Size of the untruncated MAC.</summary>
    public const int MacLength = Sha1.HashLength;

    private readonly uint[]? _innerState;
    private readonly uint[]? _outerState;
    private readonly IncrementalHash? _hmac;
#if !NET8_0_OR_GREATER
    private byte[] _scratch = Array.Empty<byte>();
#endif

    /// <summary>Creates the authenticator with the session authentication key.</summary>
    public HmacSha1Authenticator(byte[] key, SrtpCryptoImplementation implementation = SrtpCryptoImplementation.Managed)
    {
        if (implementation == SrtpCryptoImplementation.Platform)
        {
            _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
            return;
        }

        // K0: the key, hashed first if longer than a block, zero-padded to one block (RFC 2104 section 2).
        Span<byte> block = stackalloc byte[Sha1.BlockLength];
        block.Clear();
        if (key.Length > Sha1.BlockLength)
        {
            Sha1.Hash(key, block);
        }
        else
        {
            key.AsSpan().CopyTo(block);
        }

        // PadState XORs the block in place: the second pad undoes the first and applies 0x5C.
        _innerState = PadState(block, 0x36);
        _outerState = PadState(block, 0x36 ^ 0x5C);
        block.Clear();
    }

    /// <summary>Computes HMAC(key, data || trailer) into <paramref name="mac"/> (20 bytes).</summary>
    /// <param name="data">The message.</param>
    /// <param name="trailer">At most <see cref="Sha1.MaxTrailerLength"/> bytes hashed after <paramref name="data"/>.</param>
    /// <param name="mac">Receives the 20-byte MAC.</param>
    public void Compute(ReadOnlySpan<byte> data, ReadOnlySpan<byte> trailer, Span<byte> mac)
    {
        if (_hmac is not null)
        {
            ComputePlatform(data, trailer, mac);
            return;
        }

        // H(K0 ^ opad || H(K0 ^ ipad || message)), each hash resumed after its pad block.
        Span<uint> state = stackalloc uint[Sha1.StateWords];
        Span<byte> inner = stackalloc byte[Sha1.HashLength];
        _innerState.AsSpan().CopyTo(state);
        Sha1.Finish(state, 1, data, trailer, inner);
        _outerState.AsSpan().CopyTo(state);
        Sha1.Finish(state, 1, inner, ReadOnlySpan<byte>.Empty, mac);
    }

    /// <inheritdoc />
    public void Dispose() => _hmac?.Dispose();

    /// <summary>The SHA-1 state after the block K0 ^ <paramref name="pad"/>; XORs <paramref name="block"/> in place.</summary>
    private static uint[] PadState(Span<byte> block, byte pad)
    {
        for (int i = 0; i < block.Length; i++)
        {
            block[i] ^= pad;
        }

        var state = new uint[Sha1.StateWords];
        Sha1.Initialize(state);
        Sha1.Compress(state, block);
        return state;
    }

    private void ComputePlatform(ReadOnlySpan<byte> data, ReadOnlySpan<byte> trailer, Span<byte> mac)
    {
#if NET8_0_OR_GREATER
        _hmac!.AppendData(data);
        _hmac.AppendData(trailer);
        _hmac.GetHashAndReset(mac);
#else
        int total = data.Length + trailer.Length;
        if (_scratch.Length < total)
        {
            _scratch = new byte[Math.Max(total, 1500)];
        }

        data.CopyTo(_scratch);
        trailer.CopyTo(_scratch.AsSpan(data.Length));
        _hmac!.AppendData(_scratch, 0, total);
        _hmac.GetHashAndReset().CopyTo(mac);
#endif
    }
}
