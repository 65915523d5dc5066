using System;
using DkCloud.Sdk.WebRtc.Codecs;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Codecs;

public class G711Tests
{
    [Fact]
    public void KeyPairs_EncodeAsTheReference()
    {
        var pairs = G711VectorFile.KeyPairs();
        Assert.Equal(16, pairs.Count);
        foreach ((short linear, byte mu, byte a) in pairs)
        {
            Assert.Equal(mu, MuLaw.Encode(linear));
            Assert.Equal(a, ALaw.Encode(linear));
        }
    }

    [Fact]
    public void MuLawDecode_MatchesAll256TableValues()
    {
        short[] expected = G711VectorFile.DecodeTable("u-law decode:");
        Assert.Equal(256, expected.Length);
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(expected[code], MuLaw.Decode((byte)code));
        }
    }

    [Fact]
    public void ALawDecode_MatchesAll256TableValues()
    {
        short[] expected = G711VectorFile.DecodeTable("A-law decode:");
        Assert.Equal(256, expected.Length);
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(expected[code], ALaw.Decode((byte)code));
        }
    }

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    public void MuLaw_NamedCodes(int code, int linear) => Assert.Equal(linear, MuLaw.Decode((byte)code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    public void ALaw_NamedCodes(int code, int linear) => Assert.Equal(linear, ALaw.Decode((byte)code));

    [Theory]
    [InlineData(-1, 0x7F)]
    [InlineData(-2, 0x7F)]
    [InlineData(-3, 0x7F)]
    [InlineData(-4, 0x7F)]
    [InlineData(-100, 0x73)]
    public void MuLaw_BoundaryInputs_FollowG191(int linear, int code) => Assert.Equal((byte)code, MuLaw.Encode((short)linear));

    [Fact]
    public void RoundTrip_EveryCodeExceptMuLawNegativeZero()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal((byte)code, ALaw.Encode(ALaw.Decode((byte)code)));
            byte expected = code == 0x7F ? (byte)0xFF : (byte)code;
            Assert.Equal(expected, MuLaw.Encode(MuLaw.Decode((byte)code)));
        }
    }

    [Fact]
    public void SpanCodecs_MatchTheScalarOnesForAll65536Inputs()
    {
        var samples = new short[65536];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(i - 32768);
        }

        var mu = new byte[samples.Length];
        var a = new byte[samples.Length];
        Assert.Equal(samples.Length, MuLaw.Encode(samples, mu));
        Assert.Equal(samples.Length, ALaw.Encode(samples, a));
        var muBack = new short[samples.Length];
        var aBack = new short[samples.Length];
        MuLaw.Decode(mu, muBack);
        ALaw.Decode(a, aBack);
        for (int i = 0; i < samples.Length; i++)
        {
            Assert.Equal(MuLaw.Encode(samples[i]), mu[i]);
            Assert.Equal(ALaw.Encode(samples[i]), a[i]);

            // The quantisation error never exceeds half the largest step (1024 for u-law, 1024 for A-law).
            Assert.InRange(Math.Abs(muBack[i] - samples[i]), 0, 1024);
            Assert.InRange(Math.Abs(aBack[i] - samples[i]), 0, 1024);
        }
    }

    [Fact]
    public void Encode_IntoTooShortDestination_Throws()
    {
        Assert.Throws<ArgumentException>(() => MuLaw.Encode(new short[4], new byte[3]));
        Assert.Throws<ArgumentException>(() => ALaw.Decode(new byte[4], new short[3]));
    }
}
