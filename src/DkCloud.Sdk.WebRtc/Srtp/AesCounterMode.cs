using System;
using System.Security.Cryptography;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>
/// AES in counter mode, as RFC 3711 section 4.1.1 defines it: keystream block i is AES(key, IV + i), the counter
/// carrying across all 128 bits. A 128-bit key runs on the processor's AES instructions where .NET exposes them
/// (Aes128Hardware, .NET 8 and later); otherwise, and for 256-bit keys, the platform's AES block function (ECB) is applied
/// to counter blocks.
/// </summary>
/// <remarks>Not thread-safe: scratch buffers are reused so that a packet costs no allocation.</remarks>
internal sealed class AesCounterMode : IDisposable
{
    private const int BlockSize = 16;
    private const int ChunkBlocks = 32;
#if NET8_0_OR_GREATER
    private readonly Vector128<byte>[]? _roundKeys;
#endif
    private readonly Aes? _aes;
    private readonly ICryptoTransform? _encryptor;
    private readonly byte[] _counters = Array.Empty<byte>();
    private readonly byte[] _keystream = Array.Empty<byte>();

    /// <summary>Creates the keystream generator for a 128-, 192- or 256-bit key.</summary>
    /// <param name="key">The AES key.</param>
    /// <param name="implementation"><see cref="SrtpCryptoImplementation.Platform"/> forces the platform's AES.</param>
    public AesCounterMode(ReadOnlySpan<byte> key, SrtpCryptoImplementation implementation = SrtpCryptoImplementation.Managed)
    {
#if NET8_0_OR_GREATER
        if (implementation == SrtpCryptoImplementation.Managed && key.Length == 16 && Aes128Hardware.IsSupported)
        {
            _roundKeys = Aes128Hardware.ExpandKey(key);
            return;
        }
#endif

        _aes = Aes.Create();
        _aes.Key = key.ToArray();
#pragma warning disable CA5358 // ECB is used only as the block function under counter mode.
        _aes.Mode = CipherMode.ECB;
#pragma warning restore CA5358
        _aes.Padding = PaddingMode.None;

        // One cached transform: TransformBlock allocates nothing, while the one-shot EncryptEcb allocates 64 B a call.
        _encryptor = _aes.CreateEncryptor();
        _counters = new byte[BlockSize * ChunkBlocks];
        _keystream = new byte[BlockSize * ChunkBlocks];
    }

    /// <summary>XORs the keystream that starts at counter block <paramref name="iv"/> into <paramref name="data"/>.</summary>
    public void Apply(ReadOnlySpan<byte> iv, Span<byte> data)
    {
        if (iv.Length != BlockSize)
        {
            throw new ArgumentException("The IV is one 16-byte block.", nameof(iv));
        }

#if NET8_0_OR_GREATER
        if (_roundKeys is not null)
        {
            Aes128Hardware.XorKeystream(_roundKeys, iv, data);
            return;
        }
#endif

        Span<byte> counter = stackalloc byte[BlockSize];
        iv.CopyTo(counter);
        int offset = 0;
        while (offset < data.Length)
        {
            int chunk = Math.Min(data.Length - offset, _counters.Length);
            int blocks = (chunk + BlockSize - 1) / BlockSize;
            for (int b = 0; b < blocks; b++)
            {
                counter.CopyTo(_counters.AsSpan(b * BlockSize));
                Increment(counter);
            }

            int bytes = blocks * BlockSize;
            _encryptor!.TransformBlock(_counters, 0, bytes, _keystream, 0);
            Span<byte> target = data.Slice(offset, chunk);
            for (int i = 0; i < target.Length; i++)
            {
                target[i] ^= _keystream[i];
            }

            offset += chunk;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _encryptor?.Dispose();
        _aes?.Dispose();
    }

    private static void Increment(Span<byte> counter)
    {
        for (int i = BlockSize - 1; i >= 0; i--)
        {
            if (++counter[i] != 0)
            {
                break;
            }
        }
    }
}
