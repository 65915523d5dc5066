using System;
using System.Net;
using DkCloud.Sdk.WebRtc.Stun;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Stun;

public class StunRfc5769Tests
{
    private const string ShortTermPassword = "VOkJxbRl1RmTxUk/WvJxBt";
    private static readonly byte[] SampleTransactionId = TestVectors.Hex("b7e7a701bc34d686fa87dfae");

    [Fact]
    public void SampleRequest_ParsesEveryAttribute()
    {
        byte[] bytes = TestVectors.ReadHexOctets("rfc5769/2.1-sample-request.hex");
        Assert.Equal(108, bytes.Length);

        StunMessage message = StunMessage.Parse(bytes);

        Assert.Equal(StunMethod.Binding, message.Method);
        Assert.Equal(StunClass.Request, message.Class);
        Assert.Equal(SampleTransactionId, message.TransactionId.ToArray());
        Assert.True(message.TryGetString(StunAttributeType.Software, out string software));
        Assert.Equal("STUN test client", software);
        Assert.True(message.TryGetUInt32(StunAttributeType.Priority, out uint priority));
        Assert.Equal(0x6e0001ffu, priority);
        Assert.True(message.TryGetUInt64(StunAttributeType.IceControlled, out ulong tieBreaker));
        Assert.Equal(0x932ff9b151263b36UL, tieBreaker);
        Assert.True(message.TryGetString(StunAttributeType.Username, out string username));
        Assert.Equal("evtj:h6vY", username);
        Assert.True(message.TryGetAttribute(StunAttributeType.MessageIntegrity, out ReadOnlySpan<byte> mac));
        Assert.Equal(TestVectors.Hex("9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"), mac.ToArray());
        Assert.True(message.TryGetUInt32(StunAttributeType.Fingerprint, out uint fingerprint));
        Assert.Equal(0xe57a3bcfu, fingerprint);
        Assert.True(message.HasFingerprint);
        Assert.Equal(0, message.UnknownComprehensionRequiredCount);
        Assert.True(message.VerifyMessageIntegrity(StunCredentials.ShortTermKey(ShortTermPassword)));
        Assert.False(message.VerifyMessageIntegrity(StunCredentials.ShortTermKey("wrong")));
        Assert.False(message.HasMessageIntegritySha256);
    }

    [Fact]
    public void SampleRequest_IsReproducedByteForByte()
    {
        byte[] expected = TestVectors.ReadHexOctets("rfc5769/2.1-sample-request.hex");
        var buffer = new byte[200];

        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.Request, SampleTransactionId, paddingByte: 0x20);
        writer.AddString(StunAttributeType.Software, "STUN test client");
        writer.AddUInt32(StunAttributeType.Priority, 0x6e0001ff);
        writer.AddUInt64(StunAttributeType.IceControlled, 0x932ff9b151263b36);
        writer.AddString(StunAttributeType.Username, "evtj:h6vY");
        writer.AddMessageIntegrity(StunCredentials.ShortTermKey(ShortTermPassword));
        writer.AddFingerprint();

        Assert.Equal(expected, writer.Written.ToArray());
    }

    [Theory]
    [InlineData("rfc5769/2.2-sample-ipv4-response.hex", "192.0.2.1", "2b91f599fd9e90c38c7489f92af9ba53f06be7d7", 0xc07d4c96u)]
    [InlineData("rfc5769/2.3-sample-ipv6-response.hex", "2001:db8:1234:5678:11:2233:4455:6677", "a382954e4be67bf11784c97c8292c275bfe3ed41", 0xc8fb0b4cu)]
    public void SampleResponses_ParseAndReproduce(string file, string address, string macHex, uint fingerprintValue)
    {
        byte[] bytes = TestVectors.ReadHexOctets(file);
        byte[] key = StunCredentials.ShortTermKey(ShortTermPassword);

        StunMessage message = StunMessage.Parse(bytes);

        Assert.Equal(StunMethod.Binding, message.Method);
        Assert.Equal(StunClass.SuccessResponse, message.Class);
        Assert.Equal(SampleTransactionId, message.TransactionId.ToArray());
        Assert.True(message.TryGetString(StunAttributeType.Software, out string software));
        Assert.Equal("test vector", software);
        Assert.True(message.TryGetAddress(StunAttributeType.XorMappedAddress, out IPEndPoint? mapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), 32853), mapped);
        Assert.True(message.TryGetAttribute(StunAttributeType.MessageIntegrity, out ReadOnlySpan<byte> mac));
        Assert.Equal(TestVectors.Hex(macHex), mac.ToArray());
        Assert.True(message.TryGetUInt32(StunAttributeType.Fingerprint, out uint fingerprint));
        Assert.Equal(fingerprintValue, fingerprint);
        Assert.True(message.VerifyMessageIntegrity(key));

        var buffer = new byte[200];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.SuccessResponse, SampleTransactionId, paddingByte: 0x20);
        writer.AddString(StunAttributeType.Software, "test vector");
        writer.AddAddress(StunAttributeType.XorMappedAddress, new IPEndPoint(IPAddress.Parse(address), 32853));
        writer.AddMessageIntegrity(key);
        writer.AddFingerprint();
        Assert.Equal(bytes, writer.Written.ToArray());
    }

    [Fact]
    public void LongTermAuthRequest_ParsesAndVerifiesWithSaslPreparedKey()
    {
        byte[] bytes = TestVectors.ReadHexOctets("rfc5769/2.4-sample-request-long-term-auth.hex");
        string username = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
        string password = "The\u00ADM\u00AAtr\u2168";

        StunMessage message = StunMessage.Parse(bytes);

        Assert.Equal(StunClass.Request, message.Class);
        Assert.Equal(TestVectors.Hex("78ad3433c6ad72c029da412e"), message.TransactionId.ToArray());
        Assert.True(message.TryGetString(StunAttributeType.Username, out string parsedUser));
        Assert.Equal(username, parsedUser);
        Assert.True(message.TryGetString(StunAttributeType.Nonce, out string nonce));
        Assert.Equal("f//499k954d6OL34oL9FSTvy64sA", nonce);
        Assert.True(message.TryGetString(StunAttributeType.Realm, out string realm));
        Assert.Equal("example.org", realm);
        Assert.False(message.HasFingerprint);
        Assert.Equal("TheMatrIX", SaslPrep.Prepare(password));

        byte[] key = StunCredentials.LongTermKey(username, realm, password);
        Assert.Equal(TestVectors.Hex("e8ca7ad59d5eb0518e312911d2dab2a9"), key);
        Assert.True(message.VerifyMessageIntegrity(key));

        var buffer = new byte[200];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.Request, message.TransactionId);
        writer.AddString(StunAttributeType.Username, username);
        writer.AddString(StunAttributeType.Nonce, nonce);
        writer.AddString(StunAttributeType.Realm, realm);
        writer.AddMessageIntegrity(key);
        Assert.Equal(bytes, writer.Written.ToArray());
    }

    [Fact]
    public void Fingerprint_FlippedBit_IsRejected()
    {
        byte[] bytes = TestVectors.ReadHexOctets("rfc5769/2.2-sample-ipv4-response.hex");
        bytes[^1] ^= 0x01;

        StunParseException e = Assert.Throws<StunParseException>(() => StunMessage.Parse(bytes));
        Assert.Equal(StunParseError.BadFingerprint, e.Reason);
    }

    [Fact]
    public void Integrity_FlippedBitInNonce_FailsVerification()
    {
        byte[] bytes = TestVectors.ReadHexOctets("rfc5769/2.4-sample-request-long-term-auth.hex");
        bytes[50] ^= 0x01;
        byte[] key = TestVectors.Hex("e8ca7ad59d5eb0518e312911d2dab2a9");

        StunMessage message = StunMessage.Parse(bytes);
        Assert.False(message.VerifyMessageIntegrity(key));
    }
}
