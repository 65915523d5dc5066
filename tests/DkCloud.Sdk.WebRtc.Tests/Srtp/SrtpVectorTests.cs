using System;
using DkCloud.Sdk.WebRtc.Srtp;
using DkCloud.Sdk.WebRtc.Tests.Stun;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Srtp;

public class SrtpVectorTests
{
    private static readonly byte[] MasterKey = TestVectors.Hex("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static readonly byte[] MasterSalt = TestVectors.Hex("0EC675AD498AFEEBB6960B3AABE6");

    [Theory]
    [InlineData(0x0000, "E03EAD0935C95E80E166B16DD92B4EB4")]
    [InlineData(0x0001, "D23513162B02D0F72A43A2FE4A5F97AB")]
    [InlineData(0x0002, "41E95B3BB0A2E8DD477901E4FCA894C0")]
    [InlineData(0xFEFF, "EC8CDF7398607CB0F2D21675EA9EA1E4")]
    [InlineData(0xFF00, "362B7C3C6773516318A077D7FC5073AE")]
    [InlineData(0xFF01, "6A2CC3787889374FBEB4C81B17BA6C44")]
    public void B2_AesCmKeystream(int block, string expected)
    {
        using var cipher = new AesCounterMode(TestVectors.Hex("2B7E151628AED2A6ABF7158809CF4F3C"));
        var keystream = new byte[0xFF02 * 16];
        cipher.Apply(TestVectors.Hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), keystream);

        Assert.Equal(TestVectors.Hex(expected), keystream.AsSpan(block * 16, 16).ToArray());
    }

    [Fact]
    public void B2_VectorFileValuesAreTheOnesTested()
    {
        string text = TestVectors.ReadText("rfc3711-srtp.txt");
        Assert.Contains("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFF01   6A2CC3787889374FBEB4C81B17BA6C44", text, StringComparison.Ordinal);
        Assert.Contains("cipher key:           C61E7A93744F39EE10734AFE3FF7A087", text, StringComparison.Ordinal);
    }

    [Fact]
    public void B3_KeyDerivation()
    {
        Assert.Equal(
            TestVectors.Hex("C61E7A93744F39EE10734AFE3FF7A087"),
            SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpEncryption, 16));
        Assert.Equal(
            TestVectors.Hex("30CBBC08863D8C85D49DB34A9AE1"),
            SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpSalt, 14));
        Assert.Equal(
            TestVectors.Hex(
                "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE" +
                "E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25" +
                "6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2"),
            SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpAuthentication, 94));
    }

    [Fact]
    public void LibsrtpReferencePacket_ProtectAndUnprotect()
    {
        byte[] plain = TestVectors.Hex("800F1234DECAFBADCAFEBABEABABABABABABABABABABABABABABABAB");
        byte[] expected = TestVectors.Hex("800F1234DECAFBADCAFEBABE4E55DC4CE79978D88CA4D215949D2402B78D6ACC99EA179B8DBB");
        using var sender = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, MasterKey, MasterSalt);
        using var receiver = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, MasterKey, MasterSalt);
        var buffer = new byte[100];
        plain.CopyTo(buffer, 0);

        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtp(buffer, plain.Length, out int protectedLength));
        Assert.Equal(expected, buffer.AsSpan(0, protectedLength).ToArray());

        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(buffer.AsSpan(0, protectedLength), out int length));
        Assert.Equal(plain, buffer.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void LibsrtpReferenceRtcpPacket_ProtectWithIndexOne()
    {
        byte[] plain = TestVectors.Hex("81C8000BCAFEBABEABABABABABABABABABABABABABABABAB");
        byte[] expected = TestVectors.Hex("81C8000BCAFEBABE7128035BE487B9BDBEF89041F977A5A880000001993E08CD54D6C1230798");
        using var cipher = new AesCmHmacSha1Cipher(SrtpProfile.AesCm128HmacSha1_80, MasterKey, MasterSalt);
        var buffer = new byte[100];
        plain.CopyTo(buffer, 0);

        int protectedLength = cipher.ProtectRtcp(buffer, plain.Length, 0xCAFEBABE, 1);

        Assert.Equal(expected, buffer.AsSpan(0, protectedLength).ToArray());
        using var receiver = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, MasterKey, MasterSalt);
        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtcp(buffer.AsSpan(0, protectedLength), out int length));
        Assert.Equal(plain, buffer.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void LibsrtpVectorFile_HoldsTheTestedPackets()
    {
        string text = TestVectors.ReadText("libsrtp-reference-packets.txt");
        Assert.Contains("800F1234DECAFBADCAFEBABE4E55DC4CE79978D88CA4D215949D2402B78D6ACC99EA179B8DBB", text, StringComparison.Ordinal);
        Assert.Contains("81C8000BCAFEBABE7128035BE487B9BDBEF89041F977A5A880000001993E08CD54D6C1230798", text, StringComparison.Ordinal);
    }
}
