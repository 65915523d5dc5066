using System;
using System.Security.Cryptography;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>
/// AES in counter mode built from the platform's AES block function (ECB on counter blocks), as RFC 3711 section
/// 4.1.1 defines it: keystream block i is AES(key, IV + i), the counter carrying across all 128 bits.
/// </summary>
/// <remarks>Not thread-safe: scratch buffers are reused so that a packet costs no allocation.</remarks>
internal sealed class AesCounterMode : IDisposable
{
    private const int BlockSize = 16;
    private const int ChunkBlocks = 32;
    private readonly Aes _aes;
    private readonly byte[] _counters = new byte[BlockSize * ChunkBlocks];
    private readonly byte[] _keystream = new byte[BlockSize * ChunkBlocks];
    private readonly ICryptoTransform _encryptor;

    /// <summary>Creates the keystream generator for a 128-, 192- or 256-bit key.</summary>
    public AesCounterMode(ReadOnlySpan<byte> key)
    {
        _aes = Aes.Create();
        _aes.Key = key.ToArray();
#pragma warning disable CA5358 // ECB is used only as the block function under counter mode.
        _aes.Mode = CipherMode.ECB;
#pragma warning restore CA5358
        _aes.Padding = PaddingMode.None;

        // One cached transform: TransformBlock allocates nothing, while the one-shot EncryptEcb allocates 64 B a call.
        _encryptor = _aes.CreateEncryptor();
    }

    /// <summary>XORs the keystream that starts at counter block <paramref name="iv"/> into <paramref name="data"/>.</summary>
    public void Apply(ReadOnlySpan<byte> iv, Span<byte> data)
    {
        if (iv.Length != BlockSize)
        {
            throw new ArgumentException("The IV is one 16-byte block.", nameof(iv));
        }

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
            _encryptor.TransformBlock(_counters, 0, bytes, _keystream, 0);
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
        _encryptor.Dispose();
        _aes.Dispose();
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
