using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>
/// SHA-1 (FIPS 180-4) in managed code, exposed as its chaining state so that HMAC can start from precomputed
/// ipad/opad states: a 172-byte SRTP packet then costs four compressions and no call into the platform's crypto
/// library, whose per-call set-up and finalisation cost more than the hashing itself at these sizes.
/// </summary>
/// <remarks>
/// Only used for HMAC, where SHA-1's collision weakness does not matter (RFC 6194 section 3.2). The code has no
/// secret-dependent branches or table look-ups, so it runs in time that depends only on the input length.
/// </remarks>
internal static class Sha1
{
    /// <summary>Size of a digest in bytes.</summary>
    public const int HashLength = 20;

    /// <summary>Size of a compression block in bytes.</summary>
    public const int BlockLength = 64;

    /// <summary>Number of 32-bit words in the chaining state.</summary>
    public const int StateWords = 5;

    /// <summary>Longest <c>trailer</c> that <see cref="Finish"/> accepts.</summary>
    public const int MaxTrailerLength = 16;

    /// <summary>Sets <paramref name="state"/> (5 words) to the SHA-1 initial value.</summary>
    public static void Initialize(Span<uint> state)
    {
        state[0] = 0x67452301;
        state[1] = 0xEFCDAB89;
        state[2] = 0x98BADCFE;
        state[3] = 0x10325476;
        state[4] = 0xC3D2E1F0;
    }

    /// <summary>Hashes <paramref name="data"/> into <paramref name="digest"/> (20 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        Span<uint> state = stackalloc uint[StateWords];
        Initialize(state);
        Finish(state, 0, data, ReadOnlySpan<byte>.Empty, digest);
    }

    /// <summary>
    /// Continues from <paramref name="state"/>, which has absorbed <paramref name="absorbedBlocks"/> whole blocks, with
    /// <paramref name="data"/> then <paramref name="trailer"/>; pads, and writes the digest. <paramref name="state"/>
    /// is left changed.
    /// </summary>
    /// <remarks>The trailer is a separate span so that a packet and its ROC are hashed without first copying them together.</remarks>
    public static void Finish(Span<uint> state, long absorbedBlocks, ReadOnlySpan<byte> data, ReadOnlySpan<byte> trailer, Span<byte> digest)
    {
        if (trailer.Length > MaxTrailerLength)
        {
            throw new ArgumentException("The trailer is at most 16 bytes.", nameof(trailer));
        }

        int whole = data.Length & ~(BlockLength - 1);
        Compress(state, data.Slice(0, whole));

        // The rest of the data, the trailer, 0x80, zeros and the 64-bit length in bits fit in two blocks.
        Span<byte> tail = stackalloc byte[2 * BlockLength];
        tail.Clear();
        ReadOnlySpan<byte> rest = data.Slice(whole);
        rest.CopyTo(tail);
        trailer.CopyTo(tail.Slice(rest.Length));
        int used = rest.Length + trailer.Length;
        tail[used] = 0x80;
        int tailLength = used + 1 + 8 <= BlockLength ? BlockLength : 2 * BlockLength;
        ulong bits = ((ulong)absorbedBlocks * BlockLength + (ulong)data.Length + (ulong)trailer.Length) * 8;
        BinaryPrimitives.WriteUInt64BigEndian(tail.Slice(tailLength - 8), bits);
        Compress(state, tail.Slice(0, tailLength));

        for (int i = 0; i < StateWords; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.Slice(4 * i), state[i]);
        }
    }

    /// <summary>Runs the compression function over each 64-byte block of <paramref name="blocks"/>.</summary>
    public static void Compress(Span<uint> state, ReadOnlySpan<byte> blocks)
    {
        if ((blocks.Length & (BlockLength - 1)) != 0)
        {
            throw new ArgumentException("SHA-1 compresses whole 64-byte blocks.", nameof(blocks));
        }

        if (blocks.IsEmpty)
        {
            return;
        }

        Span<uint> w = stackalloc uint[Sha1Schedule.Words];
        uint h0 = state[0];
        uint h1 = state[1];
        uint h2 = state[2];
        uint h3 = state[3];
        uint h4 = state[4];
        for (int offset = 0; offset < blocks.Length; offset += BlockLength)
        {
            Sha1Schedule.Expand(blocks.Slice(offset, BlockLength), w);
            uint a = h0;
            uint b = h1;
            uint c = h2;
            uint d = h3;
            uint e = h4;

            // Five rounds per iteration, the variables renamed in turn instead of shifted, so no value is moved. The
            // newest variable enters each round only through its rotation, added last: everything else is summed
            // while the previous round finishes, which keeps the chain between rounds to a rotate and an add.
            int i = 0;
            for (; i < 20; i += 5)
            {
                e += w[i] + 0x5A827999u + (d ^ (b & (c ^ d)));
                e += Rol(a, 5);
                b = Rol(b, 30);
                d += w[i + 1] + 0x5A827999u + (c ^ (a & (b ^ c)));
                d += Rol(e, 5);
                a = Rol(a, 30);
                c += w[i + 2] + 0x5A827999u + (b ^ (e & (a ^ b)));
                c += Rol(d, 5);
                e = Rol(e, 30);
                b += w[i + 3] + 0x5A827999u + (a ^ (d & (e ^ a)));
                b += Rol(c, 5);
                d = Rol(d, 30);
                a += w[i + 4] + 0x5A827999u + (e ^ (c & (d ^ e)));
                a += Rol(b, 5);
                c = Rol(c, 30);
            }

            for (; i < 40; i += 5)
            {
                e += w[i] + 0x6ED9EBA1u + (b ^ c ^ d);
                e += Rol(a, 5);
                b = Rol(b, 30);
                d += w[i + 1] + 0x6ED9EBA1u + (a ^ b ^ c);
                d += Rol(e, 5);
                a = Rol(a, 30);
                c += w[i + 2] + 0x6ED9EBA1u + (e ^ a ^ b);
                c += Rol(d, 5);
                e = Rol(e, 30);
                b += w[i + 3] + 0x6ED9EBA1u + (d ^ e ^ a);
                b += Rol(c, 5);
                d = Rol(d, 30);
                a += w[i + 4] + 0x6ED9EBA1u + (c ^ d ^ e);
                a += Rol(b, 5);
                c = Rol(c, 30);
            }

            // Maj(b, c, d) as (c & d) + (b & (c ^ d)): the two terms share no bits, so + is |, and it folds into the sum.
            for (; i < 60; i += 5)
            {
                e += w[i] + 0x8F1BBCDCu + (c & d) + (b & (c ^ d));
                e += Rol(a, 5);
                b = Rol(b, 30);
                d += w[i + 1] + 0x8F1BBCDCu + (b & c) + (a & (b ^ c));
                d += Rol(e, 5);
                a = Rol(a, 30);
                c += w[i + 2] + 0x8F1BBCDCu + (a & b) + (e & (a ^ b));
                c += Rol(d, 5);
                e = Rol(e, 30);
                b += w[i + 3] + 0x8F1BBCDCu + (e & a) + (d & (e ^ a));
                b += Rol(c, 5);
                d = Rol(d, 30);
                a += w[i + 4] + 0x8F1BBCDCu + (d & e) + (c & (d ^ e));
                a += Rol(b, 5);
                c = Rol(c, 30);
            }

            for (; i < 80; i += 5)
            {
                e += w[i] + 0xCA62C1D6u + (b ^ c ^ d);
                e += Rol(a, 5);
                b = Rol(b, 30);
                d += w[i + 1] + 0xCA62C1D6u + (a ^ b ^ c);
                d += Rol(e, 5);
                a = Rol(a, 30);
                c += w[i + 2] + 0xCA62C1D6u + (e ^ a ^ b);
                c += Rol(d, 5);
                e = Rol(e, 30);
                b += w[i + 3] + 0xCA62C1D6u + (d ^ e ^ a);
                b += Rol(c, 5);
                d = Rol(d, 30);
                a += w[i + 4] + 0xCA62C1D6u + (c ^ d ^ e);
                a += Rol(b, 5);
                c = Rol(c, 30);
            }

            h0 += a;
            h1 += b;
            h2 += c;
            h3 += d;
            h4 += e;
        }

        state[0] = h0;
        state[1] = h1;
        state[2] = h2;
        state[3] = h3;
        state[4] = h4;
    }

    /// <summary>Rotate left; the JIT turns this shape into one rol instruction.</summary>
    private static uint Rol(uint value, int count) => (value << count) | (value >> (32 - count));
}
