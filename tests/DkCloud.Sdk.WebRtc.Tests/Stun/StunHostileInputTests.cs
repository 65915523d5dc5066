using System;
using System.Collections.Generic;
using System.Net;
using DkCloud.Sdk.WebRtc.Stun;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Stun;

public class StunHostileInputTests
{
    public static IEnumerable<object[]> SampleFiles() => new[]
    {
        new object[] { "rfc5769/2.1-sample-request.hex" },
        new object[] { "rfc5769/2.2-sample-ipv4-response.hex" },
        new object[] { "rfc5769/2.3-sample-ipv6-response.hex" },
        new object[] { "rfc5769/2.4-sample-request-long-term-auth.hex" },
    };

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void EveryTruncation_IsRejectedWithTypedException(string file)
    {
        byte[] bytes = TestVectors.ReadHexOctets(file);
        for (int length = 0; length < bytes.Length; length++)
        {
            byte[] prefix = bytes.AsSpan(0, length).ToArray();
            StunParseException e = Assert.Throws<StunParseException>(() => StunMessage.Parse(prefix));
            Assert.True(Enum.IsDefined(e.Reason));
        }
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void EverySingleByteCorruption_ParsesOrThrowsTypedException(string file)
    {
        byte[] original = TestVectors.ReadHexOctets(file);
        for (int i = 0; i < original.Length; i++)
        {
            foreach (byte flip in new byte[] { 0x01, 0x80, 0xFF })
            {
                byte[] bytes = (byte[])original.Clone();
                bytes[i] ^= flip;
                ParseAndTouchEverything(bytes);
            }
        }
    }

    [Fact]
    public void RandomBytes_NeverThrowAnythingButStunParseException()
    {
        var random = new Random(5769);
        var buffer = new byte[256];
        for (int n = 0; n < 20000; n++)
        {
            int length = random.Next(0, buffer.Length);
            random.NextBytes(buffer);
            if (n % 2 == 0 && length >= 20)
            {
                // Make about half of them pass the header checks so the attribute walker is exercised.
                length &= ~3;
                buffer[0] &= 0x3F;
                buffer[2] = (byte)((length - 20) >> 8);
                buffer[3] = (byte)(length - 20);
                buffer[4] = 0x21;
                buffer[5] = 0x12;
                buffer[6] = 0xA4;
                buffer[7] = 0x42;
            }

            ParseAndTouchEverything(buffer.AsSpan(0, length).ToArray());
        }
    }

    [Theory]
    [InlineData("", nameof(StunParseError.Truncated))]
    [InlineData("0001000021 12a442 000000000000000000000000 00", nameof(StunParseError.TrailingBytes))]
    [InlineData("4001000021 12a442 000000000000000000000000", nameof(StunParseError.InvalidLeadingBits))]
    [InlineData("0001000021 12a443 000000000000000000000000", nameof(StunParseError.BadMagicCookie))]
    [InlineData("0001000221 12a442 000000000000000000000000 0000", nameof(StunParseError.LengthNotMultipleOfFour))]
    [InlineData("0001000821 12a442 000000000000000000000000 00000000", nameof(StunParseError.Truncated))]
    [InlineData("0001000421 12a442 000000000000000000000000 0006 0008", nameof(StunParseError.AttributePastEnd))]
    [InlineData("0001000c21 12a442 000000000000000000000000 8022 0009 4142434445 000000", nameof(StunParseError.AttributePastEnd))]
    [InlineData("0001001021 12a442 000000000000000000000000 8022 0003 414243 00", nameof(StunParseError.Truncated))]
    [InlineData("0001000c21 12a442 000000000000000000000000 0024 0004 00000001 0000 0001", nameof(StunParseError.AttributePastEnd))]
    [InlineData("0001000421 12a442 000000000000000000000000 0025 0001", nameof(StunParseError.AttributePastEnd))]
    [InlineData("0001000821 12a442 000000000000000000000000 0025 0001 00 000000", nameof(StunParseError.BadAttributeLength))]
    [InlineData("0001000c21 12a442 000000000000000000000000 0020 0008 0003 0000 00000000", nameof(StunParseError.BadAttributeValue))]
    [InlineData("0001000821 12a442 000000000000000000000000 0024 0003 000000 00", nameof(StunParseError.BadAttributeLength))]
    [InlineData("0001000821 12a442 000000000000000000000000 0006 0002 c328 0000", nameof(StunParseError.BadAttributeValue))]
    [InlineData("0001000821 12a442 000000000000000000000000 0009 0004 0000 0201", nameof(StunParseError.BadAttributeValue))]
    [InlineData("0001001021 12a442 000000000000000000000000 8028 0004 00000000 8022 0000 00000000", nameof(StunParseError.FingerprintNotLast))]
    public void MalformedMessages_AreRejectedWithTheirReason(string hex, string reason)
    {
        StunParseError expected = Enum.Parse<StunParseError>(reason);
        byte[] bytes = TestVectors.Hex(hex);
        StunParseException e = Assert.Throws<StunParseException>(() => StunMessage.Parse(bytes));
        Assert.Equal(expected, e.Reason);
        Assert.False(StunMessage.TryParse(bytes, out _, out StunParseError error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void LastAttributeWithoutItsPadding_IsRejected()
    {
        // SOFTWARE with a 5-byte value and no padding: the header length (9) cannot be a multiple of four.
        byte[] bytes = TestVectors.Hex("00010009 2112a442 000000000000000000000000 80220005 4142434445");
        StunParseException e = Assert.Throws<StunParseException>(() => StunMessage.Parse(bytes));
        Assert.Equal(StunParseError.LengthNotMultipleOfFour, e.Reason);
    }

    [Fact]
    public void UnknownComprehensionRequiredAttributes_AreReported()
    {
        var buffer = new byte[100];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.Request, new byte[12]);
        writer.AddAttribute(0x7F01, new byte[] { 1, 2, 3 });
        writer.AddAttribute(0xC001, new byte[] { 4 });
        writer.AddAttribute(0x0030, ReadOnlySpan<byte>.Empty);
        writer.AddFingerprint();

        StunMessage message = StunMessage.Parse(writer.Written);

        Assert.Equal(2, message.UnknownComprehensionRequiredCount);
        Span<ushort> unknown = stackalloc ushort[4];
        int count = message.CopyUnknownComprehensionRequired(unknown);
        Assert.Equal(new ushort[] { 0x7F01, 0x0030 }, unknown.Slice(0, count).ToArray());
    }

    [Fact]
    public void AttributesAfterMessageIntegrity_AreIgnoredExceptFingerprint()
    {
        var buffer = new byte[200];
        byte[] key = { 1, 2, 3, 4 };
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.Request, new byte[12]);
        writer.AddString(StunAttributeType.Username, "a:b");
        writer.AddMessageIntegrity(key);
        writer.AddUInt32(StunAttributeType.Priority, 7);
        writer.AddAttribute(0x0031, new byte[] { 9 });
        writer.AddFingerprint();

        StunMessage message = StunMessage.Parse(writer.Written);

        Assert.False(message.HasAttribute(StunAttributeType.Priority));
        Assert.Equal(0, message.UnknownComprehensionRequiredCount);
        Assert.True(message.HasFingerprint);
        Assert.True(message.VerifyMessageIntegrity(key));
    }

    private static void ParseAndTouchEverything(byte[] bytes)
    {
        try
        {
            StunMessage message = StunMessage.Parse(bytes);
            foreach (StunAttribute attribute in message.GetAttributes())
            {
                _ = attribute.Value.Length;
            }

            _ = message.TryGetString(StunAttributeType.Username, out _);
            _ = message.TryGetString(StunAttributeType.Software, out _);
            _ = message.TryGetAddress(StunAttributeType.XorMappedAddress, out IPEndPoint? _);
            _ = message.TryGetAddress(StunAttributeType.MappedAddress, out IPEndPoint? _);
            _ = message.TryGetErrorCode(out _, out _);
            _ = message.VerifyMessageIntegrity(new byte[] { 1 });
            _ = message.VerifyMessageIntegritySha256(new byte[] { 1 });
            Span<ushort> unknown = stackalloc ushort[8];
            _ = message.CopyUnknownComprehensionRequired(unknown);
        }
        catch (StunParseException e)
        {
            Assert.True(Enum.IsDefined(e.Reason));
        }
    }
}
