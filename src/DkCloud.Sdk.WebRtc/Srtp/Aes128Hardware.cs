#if NET8_0_OR_GREATER
using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ArmAes = System.Runtime.Intrinsics.Arm.Aes;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>
/// AES-128 counter mode on the processor's AES instructions (AES-NI on x86/x64, the ARMv8 Cryptography Extension on
/// Arm64): the key schedule is expanded once per key and four counter blocks go through the rounds together, so a
/// 160-byte payload costs a few dozen instructions instead of a call into the platform's crypto library.
/// </summary>
/// <remarks>
/// The AES instructions run in constant time and the key expansion uses them for SubWord, so nothing here indexes
/// memory by a secret.
/// </remarks>
internal static class Aes128Hardware
{
    /// <summary>Number of round keys of AES-128.</summary>
    public const int RoundKeyCount = 11;

    private const int BlockSize = 16;
    private const int Lanes = 4;

    /// <summary>
    /// True when the processor has AES instructions and this code passed the FIPS-197 known-answer test on it, so a
    /// defect on an instruction set that tests did not run on falls back to the platform's AES instead of breaking calls.
    /// </summary>
    public static bool IsSupported { get; } = (X86Aes.IsSupported || ArmAes.IsSupported) && PassesKnownAnswerTest();

    /// <summary>The 11 round keys of a 16-byte key (FIPS-197 section 5.2).</summary>
    public static Vector128<byte>[] ExpandKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException("AES-128 takes a 16-byte key.", nameof(key));
        }

        // Words are read little-endian so that a word's first key byte is its low byte, as it is in a vector lane.
        uint w0 = BinaryPrimitives.ReadUInt32LittleEndian(key);
        uint w1 = BinaryPrimitives.ReadUInt32LittleEndian(key.Slice(4));
        uint w2 = BinaryPrimitives.ReadUInt32LittleEndian(key.Slice(8));
        uint w3 = BinaryPrimitives.ReadUInt32LittleEndian(key.Slice(12));
        var roundKeys = new Vector128<byte>[RoundKeyCount];
        roundKeys[0] = Vector128.Create(w0, w1, w2, w3).AsByte();
        ReadOnlySpan<byte> rcon = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1B, 0x36];
        for (int round = 1; round < RoundKeyCount; round++)
        {
            // RotWord moves the first byte to the end: a right rotation of the little-endian word.
            uint rotated = (w3 >> 8) | (w3 << 24);
            w0 ^= SubWord(rotated) ^ rcon[round - 1];
            w1 ^= w0;
            w2 ^= w1;
            w3 ^= w2;
            roundKeys[round] = Vector128.Create(w0, w1, w2, w3).AsByte();
        }

        return roundKeys;
    }

    /// <summary>XORs AES-CTR keystream, counter blocks starting at <paramref name="iv"/>, into <paramref name="data"/>.</summary>
    /// <remarks>The counter is the whole 128-bit block, big-endian, as in RFC 3711 section 4.1.1.</remarks>
    public static void XorKeystream(Vector128<byte>[] roundKeys, ReadOnlySpan<byte> iv, Span<byte> data)
    {
        if (roundKeys.Length != RoundKeyCount)
        {
            throw new ArgumentException("AES-128 has 11 round keys.", nameof(roundKeys));
        }

        ulong high = BinaryPrimitives.ReadUInt64BigEndian(iv);
        ulong low = BinaryPrimitives.ReadUInt64BigEndian(iv.Slice(8));
        ref byte target = ref MemoryMarshal.GetReference(data);
        nuint offset = 0;
        nuint length = (nuint)data.Length;
        for (; length - offset >= Lanes * BlockSize; offset += Lanes * BlockSize)
        {
            Vector128<byte> s0 = NextCounter(ref high, ref low);
            Vector128<byte> s1 = NextCounter(ref high, ref low);
            Vector128<byte> s2 = NextCounter(ref high, ref low);
            Vector128<byte> s3 = NextCounter(ref high, ref low);
            EncryptFour(roundKeys, ref s0, ref s1, ref s2, ref s3);
            (Vector128.LoadUnsafe(ref target, offset) ^ s0).StoreUnsafe(ref target, offset);
            (Vector128.LoadUnsafe(ref target, offset + BlockSize) ^ s1).StoreUnsafe(ref target, offset + BlockSize);
            (Vector128.LoadUnsafe(ref target, offset + (2 * BlockSize)) ^ s2).StoreUnsafe(ref target, offset + (2 * BlockSize));
            (Vector128.LoadUnsafe(ref target, offset + (3 * BlockSize)) ^ s3).StoreUnsafe(ref target, offset + (3 * BlockSize));
        }

        if (offset < length)
        {
            // The last one to four blocks also go through the rounds together: the unused ones cost no time, while
            // encrypting blocks one after another would wait out the full latency of each.
            Vector128<byte> s0 = NextCounter(ref high, ref low);
            Vector128<byte> s1 = NextCounter(ref high, ref low);
            Vector128<byte> s2 = NextCounter(ref high, ref low);
            Vector128<byte> s3 = NextCounter(ref high, ref low);
            EncryptFour(roundKeys, ref s0, ref s1, ref s2, ref s3);
            Span<byte> keystream = stackalloc byte[Lanes * BlockSize];
            s0.CopyTo(keystream);
            s1.CopyTo(keystream.Slice(BlockSize));
            s2.CopyTo(keystream.Slice(2 * BlockSize));
            s3.CopyTo(keystream.Slice(3 * BlockSize));
            Span<byte> rest = data.Slice((int)offset);
            int i = 0;
            for (; i + BlockSize <= rest.Length; i += BlockSize)
            {
                Span<byte> chunk = rest.Slice(i, BlockSize);
                (Vector128.Create((ReadOnlySpan<byte>)chunk) ^ Vector128.Create((ReadOnlySpan<byte>)keystream.Slice(i, BlockSize))).CopyTo(chunk);
            }

            for (; i < rest.Length; i++)
            {
                rest[i] ^= keystream[i];
            }
        }
    }

    /// <summary>Encrypts one block.</summary>
    private static Vector128<byte> Encrypt(Vector128<byte>[] roundKeys, Vector128<byte> block)
    {
        if (X86Aes.IsSupported)
        {
            block ^= roundKeys[0];
            for (int round = 1; round < RoundKeyCount - 1; round++)
            {
                block = X86Aes.Encrypt(block, roundKeys[round]);
            }

            return X86Aes.EncryptLast(block, roundKeys[RoundKeyCount - 1]);
        }

        // Arm's AESE adds the round key before SubBytes/ShiftRows and AESMC is MixColumns on its own.
        for (int round = 0; round < RoundKeyCount - 2; round++)
        {
            block = ArmAes.MixColumns(ArmAes.Encrypt(block, roundKeys[round]));
        }

        return ArmAes.Encrypt(block, roundKeys[RoundKeyCount - 2]) ^ roundKeys[RoundKeyCount - 1];
    }

    /// <summary>Four independent blocks interleaved round by round, so the AES unit's pipeline is kept busy.</summary>
    private static void EncryptFour(
        Vector128<byte>[] roundKeys, ref Vector128<byte> s0, ref Vector128<byte> s1, ref Vector128<byte> s2, ref Vector128<byte> s3)
    {
        if (X86Aes.IsSupported)
        {
            Vector128<byte> first = roundKeys[0];
            s0 ^= first;
            s1 ^= first;
            s2 ^= first;
            s3 ^= first;
            for (int round = 1; round < RoundKeyCount - 1; round++)
            {
                Vector128<byte> k = roundKeys[round];
                s0 = X86Aes.Encrypt(s0, k);
                s1 = X86Aes.Encrypt(s1, k);
                s2 = X86Aes.Encrypt(s2, k);
                s3 = X86Aes.Encrypt(s3, k);
            }

            Vector128<byte> last = roundKeys[RoundKeyCount - 1];
            s0 = X86Aes.EncryptLast(s0, last);
            s1 = X86Aes.EncryptLast(s1, last);
            s2 = X86Aes.EncryptLast(s2, last);
            s3 = X86Aes.EncryptLast(s3, last);
            return;
        }

        for (int round = 0; round < RoundKeyCount - 2; round++)
        {
            Vector128<byte> k = roundKeys[round];
            s0 = ArmAes.MixColumns(ArmAes.Encrypt(s0, k));
            s1 = ArmAes.MixColumns(ArmAes.Encrypt(s1, k));
            s2 = ArmAes.MixColumns(ArmAes.Encrypt(s2, k));
            s3 = ArmAes.MixColumns(ArmAes.Encrypt(s3, k));
        }

        Vector128<byte> penultimate = roundKeys[RoundKeyCount - 2];
        Vector128<byte> final = roundKeys[RoundKeyCount - 1];
        s0 = ArmAes.Encrypt(s0, penultimate) ^ final;
        s1 = ArmAes.Encrypt(s1, penultimate) ^ final;
        s2 = ArmAes.Encrypt(s2, penultimate) ^ final;
        s3 = ArmAes.Encrypt(s3, penultimate) ^ final;
    }

    /// <summary>The counter block (big-endian bytes), then the 128-bit counter incremented.</summary>
    private static Vector128<byte> NextCounter(ref ulong high, ref ulong low)
    {
        var block = Vector128.Create(BinaryPrimitives.ReverseEndianness(high), BinaryPrimitives.ReverseEndianness(low)).AsByte();
        low++;
        if (low == 0)
        {
            high++;
        }

        return block;
    }

    /// <summary>
    /// S-box applied to each byte of <paramref name="word"/>: with the word in all four columns ShiftRows changes
    /// nothing, so the last-round instruction (x86) or AESE (Arm) with a zero key is exactly SubBytes.
    /// </summary>
    private static uint SubWord(uint word)
    {
        Vector128<byte> columns = Vector128.Create(word).AsByte();
        Vector128<byte> substituted = X86Aes.IsSupported
            ? X86Aes.EncryptLast(columns, Vector128<byte>.Zero)
            : ArmAes.Encrypt(columns, Vector128<byte>.Zero);
        return substituted.AsUInt32().ToScalar();
    }

    /// <summary>FIPS-197 appendix C.1: key 000102..0F, plaintext 00112233..FF.</summary>
    private static bool PassesKnownAnswerTest()
    {
        ReadOnlySpan<byte> key = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F];
        ReadOnlySpan<byte> plaintext = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF];
        ReadOnlySpan<byte> expected = [0x69, 0xC4, 0xE0, 0xD8, 0x6A, 0x7B, 0x04, 0x30, 0xD8, 0xCD, 0xB7, 0x80, 0x70, 0xB4, 0xC5, 0x5A];
        Vector128<byte>[] roundKeys = ExpandKey(key);

        // The single-block path, then the four-block path (keystream over zeros is the cipher of the counter).
        Span<byte> output = stackalloc byte[Lanes * BlockSize];
        Encrypt(roundKeys, Vector128.Create(plaintext)).CopyTo(output);
        bool single = output.Slice(0, BlockSize).SequenceEqual(expected);
        output.Clear();
        XorKeystream(roundKeys, plaintext, output);
        return single && output.Slice(0, BlockSize).SequenceEqual(expected);
    }
}
#endif
