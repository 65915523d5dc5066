using System;
using System.Buffers.Binary;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>The SHA-1 message schedule: the 80 words W[t] that one 64-byte block feeds into the rounds.</summary>
/// <remarks>
/// Scalar, the schedule is about a third of a block's instructions. On x86 with SSSE3 it is four words at a time:
/// W[16..31] by the recurrence with a fix-up for the word that depends on one of the same four, and W[32..79] by the
/// equivalent W[t] = (W[t-6] ^ W[t-16] ^ W[t-28] ^ W[t-32]) rol 2, whose four words are independent. Elsewhere (Arm,
/// netstandard2.0) the scalar schedule runs: the portable shuffles that would replace palignr and the byte shifts cost
/// more than they save.
/// </remarks>
internal static class Sha1Schedule
{
    /// <summary>Number of words in the schedule.</summary>
    public const int Words = 80;

    /// <summary>Fills <paramref name="w"/> (80 words) from <paramref name="block"/> (64 bytes).</summary>
    public static void Expand(ReadOnlySpan<byte> block, Span<uint> w)
    {
        if (block.Length < Sha1.BlockLength || w.Length < Words)
        {
            throw new ArgumentException("A schedule takes a 64-byte block and 80 words.");
        }

#if NET8_0_OR_GREATER
        if (Ssse3.IsSupported)
        {
            ExpandVector(block, w);
            return;
        }
#endif

        ExpandScalar(block, w);
    }

    /// <summary>The schedule one word at a time, by its definition: the path without 128-bit vectors.</summary>
    internal static void ExpandScalar(ReadOnlySpan<byte> block, Span<uint> w)
    {
        for (int t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(4 * t));
        }

        for (int t = 16; t < Words; t++)
        {
            uint x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
            w[t] = (x << 1) | (x >> 31);
        }
    }

#if NET8_0_OR_GREATER
    private static void ExpandVector(ReadOnlySpan<byte> block, Span<uint> w)
    {
        // All twenty vectors stay in registers and are only stored: reloading a vector that straddles two recent
        // stores defeats store forwarding and cost more than the scalar schedule.
        ref byte source = ref MemoryMarshal.GetReference(block);
        ref uint words = ref MemoryMarshal.GetReference(w);
        Vector128<uint> w0 = LoadBigEndian(ref source, 0);
        Vector128<uint> w1 = LoadBigEndian(ref source, 16);
        Vector128<uint> w2 = LoadBigEndian(ref source, 32);
        Vector128<uint> w3 = LoadBigEndian(ref source, 48);
        Vector128<uint> w4 = Step16(w0, w1, w2, w3);
        Vector128<uint> w5 = Step16(w1, w2, w3, w4);
        Vector128<uint> w6 = Step16(w2, w3, w4, w5);
        Vector128<uint> w7 = Step16(w3, w4, w5, w6);
        Vector128<uint> w8 = Step32(w0, w1, w4, w6, w7);
        Vector128<uint> w9 = Step32(w1, w2, w5, w7, w8);
        Vector128<uint> w10 = Step32(w2, w3, w6, w8, w9);
        Vector128<uint> w11 = Step32(w3, w4, w7, w9, w10);
        Vector128<uint> w12 = Step32(w4, w5, w8, w10, w11);
        Vector128<uint> w13 = Step32(w5, w6, w9, w11, w12);
        Vector128<uint> w14 = Step32(w6, w7, w10, w12, w13);
        Vector128<uint> w15 = Step32(w7, w8, w11, w13, w14);
        Vector128<uint> w16 = Step32(w8, w9, w12, w14, w15);
        Vector128<uint> w17 = Step32(w9, w10, w13, w15, w16);
        Vector128<uint> w18 = Step32(w10, w11, w14, w16, w17);
        Vector128<uint> w19 = Step32(w11, w12, w15, w17, w18);
        w0.StoreUnsafe(ref words, 0);
        w1.StoreUnsafe(ref words, 4);
        w2.StoreUnsafe(ref words, 8);
        w3.StoreUnsafe(ref words, 12);
        w4.StoreUnsafe(ref words, 16);
        w5.StoreUnsafe(ref words, 20);
        w6.StoreUnsafe(ref words, 24);
        w7.StoreUnsafe(ref words, 28);
        w8.StoreUnsafe(ref words, 32);
        w9.StoreUnsafe(ref words, 36);
        w10.StoreUnsafe(ref words, 40);
        w11.StoreUnsafe(ref words, 44);
        w12.StoreUnsafe(ref words, 48);
        w13.StoreUnsafe(ref words, 52);
        w14.StoreUnsafe(ref words, 56);
        w15.StoreUnsafe(ref words, 60);
        w16.StoreUnsafe(ref words, 64);
        w17.StoreUnsafe(ref words, 68);
        w18.StoreUnsafe(ref words, 72);
        w19.StoreUnsafe(ref words, 76);
    }

    /// <summary>Four big-endian words from 16 bytes at <paramref name="offset"/>.</summary>
    private static Vector128<uint> LoadBigEndian(ref byte source, nuint offset)
    {
        Vector128<byte> byteSwap = Vector128.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
        return Ssse3.Shuffle(Vector128.LoadUnsafe(ref source, offset), byteSwap).AsUInt32();
    }

    /// <summary>
    /// W[t..t+3] for t in 16..31 from the four previous vectors (W[t-16..t-1]): W[t+3] needs W[t] from this same
    /// step, so it is computed without it and rol1(W[t]) is XORed in afterwards.
    /// </summary>
    private static Vector128<uint> Step16(Vector128<uint> back16, Vector128<uint> back12, Vector128<uint> back8, Vector128<uint> back4)
    {
        Vector128<uint> x = back16 ^ UpperThenLower(back16, back12) ^ back8 ^ ShiftDownOneLane(back4);
        Vector128<uint> r = RotateLeft(x, 1);
        return r ^ RotateLeft(FirstLaneToLast(r), 1);
    }

    /// <summary>W[t..t+3] for t &gt;= 32: (W[t-6] ^ W[t-16] ^ W[t-28] ^ W[t-32]) rol 2, from the vectors that hold them.</summary>
    private static Vector128<uint> Step32(
        Vector128<uint> back32, Vector128<uint> back28, Vector128<uint> back16, Vector128<uint> back8, Vector128<uint> back4)
    {
        Vector128<uint> x = UpperThenLower(back8, back4) ^ back16 ^ back28 ^ back32;
        return RotateLeft(x, 2);
    }

    /// <summary>(high[2], high[3], low[0], low[1]): the four words that start two words into <paramref name="high"/>.</summary>
    private static Vector128<uint> UpperThenLower(Vector128<uint> high, Vector128<uint> low) =>
        Ssse3.AlignRight(low.AsByte(), high.AsByte(), 8).AsUInt32();

    /// <summary>(v[1], v[2], v[3], 0).</summary>
    private static Vector128<uint> ShiftDownOneLane(Vector128<uint> v) => Sse2.ShiftRightLogical128BitLane(v, 4);

    /// <summary>(0, 0, 0, v[0]).</summary>
    private static Vector128<uint> FirstLaneToLast(Vector128<uint> v) => Sse2.ShiftLeftLogical128BitLane(v, 12);

    private static Vector128<uint> RotateLeft(Vector128<uint> value, int count) =>
        Vector128.ShiftLeft(value, count) | Vector128.ShiftRightLogical(value, 32 - count);
#endif
}
