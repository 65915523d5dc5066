using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using DkCloud.Sdk.WebRtc.Srtp;
using DkCloud.Sdk.WebRtc.Tests.Stun;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Srtp;

#pragma warning disable CA5350 // SHA-1 is what SRTP's HMAC-SHA1 profiles use; the platform is the reference here.
[Collection(SrtpCollection.Name)]
public class HmacSha1Tests
{
    public static TheoryData<string, string, string> Rfc2202() => new()
    {
        { "0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B", Hex("Hi There"), "B617318655057264E28BC0B6FB378C8EF146BE00" },
        { Hex("Jefe"), Hex("what do ya want for nothing?"), "EFFCDF6AE5EB2FA2D27416D5F184DF9C259A7C79" },
        { new string('A', 40), new string('D', 100), "125D7342B9AC11CD91A39AF48AA17B4F63F175D3" },
        { "0102030405060708090A0B0C0D0E0F10111213141516171819", string.Concat(Enumerable.Repeat("CD", 50)), "4C9007F4026250C6BC8414F9BF50C86C2D7235DA" },
        { "0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C", Hex("Test With Truncation"), "4C1A03424B55E07FE7F27BE1D58BB9324A9A5A04" },
        { new string('A', 160), Hex("Test Using Larger Than Block-Size Key - Hash Key First"), "AA4AE5E15272D00E95705637CE8A3B55ED402112" },
        {
            new string('A', 160),
            Hex("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"),
            "E8E99D0F45237D786D6BBAA7965C7808BBFF1A91"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc2202))]
    public void Rfc2202Vectors_BothImplementations(string key, string data, string expected)
    {
        foreach (SrtpCryptoImplementation implementation in Enum.GetValues<SrtpCryptoImplementation>())
        {
            Assert.Equal(TestVectors.Hex(expected), Mac(TestVectors.Hex(key), TestVectors.Hex(data), [], implementation));
        }
    }

    [Fact]
    public void Sha1_EveryLengthUpTo2000_MatchesThePlatform()
    {
        var random = new Random(3711);
        var data = new byte[2000];
        random.NextBytes(data);
        var digest = new byte[20];
        for (int length = 0; length <= data.Length; length++)
        {
            Sha1.Hash(data.AsSpan(0, length), digest);
            Assert.Equal(SHA1.HashData(data.AsSpan(0, length)), digest);
        }
    }

    [Fact]
    public void Sha1Schedule_VectorAndScalarPathsAgree()
    {
        Gen.Byte.Array[Sha1.BlockLength].Sample(block =>
        {
            var vector = new uint[Sha1Schedule.Words];
            var scalar = new uint[Sha1Schedule.Words];
            Sha1Schedule.Expand(block, vector);
            Sha1Schedule.ExpandScalar(block, scalar);
            Assert.Equal(scalar, vector);
        }, iter: 2000);
    }

    [Fact]
    public void Sha1_DataAndTrailer_HashLikeTheirConcatenation()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Byte.Array[0, Sha1.MaxTrailerLength]).Sample((data, trailer) =>
        {
            Span<uint> state = stackalloc uint[Sha1.StateWords];
            Sha1.Initialize(state);
            var digest = new byte[20];
            Sha1.Finish(state, 0, data, trailer, digest);
            Assert.Equal(SHA1.HashData(data.Concat(trailer).ToArray()), digest);
        }, iter: 3000);
    }

    [Fact]
    public void Hmac_RandomKeysAndMessages_MatchesThePlatform()
    {
        Gen.Select(Gen.Byte.Array[0, 150], Gen.Byte.Array[0, 700], Gen.Byte.Array[0, 4]).Sample((key, data, trailer) =>
        {
            byte[] expected = HMACSHA1.HashData(key, data.Concat(trailer).ToArray());
            Assert.Equal(expected, Mac(key, data, trailer, SrtpCryptoImplementation.Managed));
            Assert.Equal(expected, Mac(key, data, trailer, SrtpCryptoImplementation.Platform));
        }, iter: 3000);
    }

    [Fact]
    public void Hmac_SameInstance_GivesTheSameMacEveryTime()
    {
        byte[] key = Enumerable.Range(0, 20).Select(i => (byte)i).ToArray();
        byte[] data = Enumerable.Range(0, 172).Select(i => (byte)(i * 5)).ToArray();
        using var hmac = new HmacSha1Authenticator(key);
        var first = new byte[20];
        var second = new byte[20];
        hmac.Compute(data, [0, 0, 0, 1], first);
        hmac.Compute(data, [0, 0, 0, 1], second);

        Assert.Equal(first, second);
        Assert.Equal(HMACSHA1.HashData(key, data.Concat(new byte[] { 0, 0, 0, 1 }).ToArray()), first);
    }

    [Fact]
    public void Sha1_TooLongTrailer_IsRejected()
    {
        var digest = new byte[20];
        var state = new uint[Sha1.StateWords];
        Assert.Throws<ArgumentException>(() => Sha1.Finish(state, 0, new byte[4], new byte[Sha1.MaxTrailerLength + 1], digest));
    }

    private static byte[] Mac(byte[] key, byte[] data, byte[] trailer, SrtpCryptoImplementation implementation)
    {
        using var hmac = new HmacSha1Authenticator(key, implementation);
        var mac = new byte[HmacSha1Authenticator.MacLength];
        hmac.Compute(data, trailer, mac);
        return mac;
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.ASCII.GetBytes(ascii));
}
