using System;
using System.Linq;
using CsCheck;
using DkCloud.Sdk.WebRtc.Srtp;
using DkCloud.Sdk.WebRtc.Tests.Stun;
using Xunit;
using ArmAes = System.Runtime.Intrinsics.Arm.Aes;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace DkCloud.Sdk.WebRtc.Tests.Srtp;

[Collection(SrtpCollection.Name)]
public class AesCounterModeTests
{
    [Fact]
    public void HardwarePath_IsUsedWhereTheProcessorHasAesInstructions()
    {
        // The known-answer self-test must pass on every processor with AES instructions: a fallback here is a defect.
        Assert.Equal(X86Aes.IsSupported || ArmAes.IsSupported, Aes128Hardware.IsSupported);
    }

    [Fact]
    public void Fips197_AppendixC1()
    {
        byte[] key = TestVectors.Hex("000102030405060708090A0B0C0D0E0F");
        byte[] plaintext = TestVectors.Hex("00112233445566778899AABBCCDDEEFF");
        foreach (SrtpCryptoImplementation implementation in Enum.GetValues<SrtpCryptoImplementation>())
        {
            using var ctr = new AesCounterMode(key, implementation);
            var keystream = new byte[16];
            ctr.Apply(plaintext, keystream);
            Assert.Equal(TestVectors.Hex("69C4E0D86A7B0430D8CDB78070B4C55A"), keystream);
        }
    }

    [Theory]
    [InlineData(0x0000, "E03EAD0935C95E80E166B16DD92B4EB4")]
    [InlineData(0x0001, "D23513162B02D0F72A43A2FE4A5F97AB")]
    [InlineData(0x0002, "41E95B3BB0A2E8DD477901E4FCA894C0")]
    [InlineData(0xFEFF, "EC8CDF7398607CB0F2D21675EA9EA1E4")]
    [InlineData(0xFF00, "362B7C3C6773516318A077D7FC5073AE")]
    [InlineData(0xFF01, "6A2CC3787889374FBEB4C81B17BA6C44")]
    public void Rfc3711B2_PlatformImplementation(int block, string expected)
    {
        using var cipher = new AesCounterMode(TestVectors.Hex("2B7E151628AED2A6ABF7158809CF4F3C"), SrtpCryptoImplementation.Platform);
        var keystream = new byte[0xFF02 * 16];
        cipher.Apply(TestVectors.Hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), keystream);

        Assert.Equal(TestVectors.Hex(expected), keystream.AsSpan(block * 16, 16).ToArray());
    }

    [Fact]
    public void RandomKeysIvsAndLengths_MatchThePlatformAes()
    {
        // Counters whose low bytes are all ones make the increment carry through 8, 9 or all 16 bytes.
        Gen<byte[]> ivs = Gen.Select(Gen.Byte.Array[16], Gen.Int[0, 16], (iv, ones) =>
        {
            iv.AsSpan(16 - ones).Fill(0xFF);
            return iv;
        });
        Gen.Select(Gen.Byte.Array[16], ivs, Gen.Byte.Array[0, 700])
            .Sample((key, iv, data) => Assert.Equal(Apply(key, iv, data, SrtpCryptoImplementation.Platform), Apply(key, iv, data, SrtpCryptoImplementation.Managed)), iter: 3000);
    }

    [Fact]
    public void CounterWrapsAcrossAll128Bits()
    {
        byte[] key = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        byte[] iv = Enumerable.Repeat((byte)0xFF, 16).ToArray();
        byte[] managed = Apply(key, iv, new byte[100], SrtpCryptoImplementation.Managed);
        byte[] fromZero = Apply(key, new byte[16], new byte[84], SrtpCryptoImplementation.Platform);

        Assert.Equal(fromZero, managed.AsSpan(16).ToArray());
        Assert.Equal(Apply(key, iv, new byte[100], SrtpCryptoImplementation.Platform), managed);
    }

    [Fact]
    public void Aes256Keys_FallBackToThePlatformAndStillMatch()
    {
        byte[] key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        byte[] iv = Enumerable.Range(0, 16).Select(i => (byte)(i * 3)).ToArray();
        Assert.Equal(Apply(key, iv, new byte[77], SrtpCryptoImplementation.Platform), Apply(key, iv, new byte[77], SrtpCryptoImplementation.Managed));
    }

    private static byte[] Apply(byte[] key, byte[] iv, byte[] data, SrtpCryptoImplementation implementation)
    {
        byte[] output = data.ToArray();
        using var ctr = new AesCounterMode(key, implementation);
        ctr.Apply(iv, output);
        return output;
    }
}
