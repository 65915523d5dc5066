using System;
using System.IO;
using System.Linq;
using System.Net;
using DkCloud.Sdk.WebRtc.Stun;
using DkCloud.Sdk.WebRtc.Tests.Stun;
using DkCloud.Sdk.WebRtc.Turn;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Fuzz;

/// <summary>The STUN parser and the TURN readers on random bytes and on mutations of the RFC 5769 vectors.</summary>
public class StunFuzzTests
{
    private static readonly StunAttributeType[] AddressTypes =
    {
        StunAttributeType.MappedAddress, StunAttributeType.XorMappedAddress, StunAttributeType.XorPeerAddress,
        StunAttributeType.XorRelayedAddress, StunAttributeType.AlternateServer,
    };

    private static readonly StunAttributeType[] TextTypes =
    {
        StunAttributeType.Username, StunAttributeType.Realm, StunAttributeType.Nonce, StunAttributeType.Software,
    };

    private static byte[][] Samples() =>
        Directory.GetFiles(TestVectors.PathOf("rfc5769"), "*.hex")
            .Select(path => TestVectors.ReadHexOctets(Path.Combine("rfc5769", Path.GetFileName(path))))
            .Concat(new[] { TurnSamples.DataIndication(), TurnSamples.AllocateResponse(), TurnSamples.DataIndication(false), TurnSamples.AllocateResponse(false) })
            .ToArray();

    [Fact]
    public void Parse_ThrowsOnlyStunParseException_AndAccessorsNeverThrow()
    {
        byte[] key = StunCredentials.ShortTermKey("VOkJxbRl1RmTxUk/WvJxBt");
        byte[] longTermKey = StunCredentials.LongTermKey("u", "dkcloud.test", "p");
        int parsed = 0;
        FuzzRun.Bytes(Samples(), bytes =>
        {
            StunMessage message;
            try
            {
                message = StunMessage.Parse(bytes);
            }
            catch (StunParseException)
            {
                Assert.False(StunMessage.TryParse(bytes, out _, out _));
                return;
            }

            parsed++;
            Assert.True(StunMessage.LooksLikeStun(bytes));
            _ = message.Method;
            _ = message.Class;
            foreach (StunAttribute attribute in message.GetAttributes())
            {
                _ = attribute.Value.Length;
            }

            foreach (StunAttributeType type in AddressTypes)
            {
                message.TryGetAddress(type, out IPEndPoint? _);
            }

            foreach (StunAttributeType type in TextTypes)
            {
                message.TryGetString(type, out _);
            }

            message.TryGetUInt32(StunAttributeType.Priority, out _);
            message.TryGetUInt32(StunAttributeType.Lifetime, out _);
            message.TryGetUInt64(StunAttributeType.IceControlling, out _);
            message.TryGetUInt64(StunAttributeType.IceControlled, out _);
            message.HasAttribute(StunAttributeType.UseCandidate);

            message.TryGetErrorCode(out _, out _);
            message.TryGetChannelNumber(out _);
            message.TryGetRequestedTransport(out _);
            message.VerifyMessageIntegrity(key);
            message.VerifyMessageIntegrity(longTermKey);
            message.VerifyMessageIntegritySha256(key);
        });
        Assert.True(parsed > 100, "Too few inputs parsed to exercise the accessors: " + parsed);
    }

    [Fact]
    public void TurnReaders_NeverThrow()
    {
        byte[] key = StunCredentials.LongTermKey("u", "dkcloud.test", "p");
        using var client = new TurnClient(new TurnClientOptions { Server = new IPEndPoint(IPAddress.Loopback, 9), LocalEndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        FuzzRun.Bytes(Samples(), bytes =>
        {
            TurnResponse.Read(bytes, key);
            TurnChannelData.TryRead(bytes, stream: false, out _, out _, out _, out _);
            if (TurnChannelData.TryRead(bytes, stream: true, out _, out int offset, out int length, out int consumed))
            {
                Assert.InRange(offset + length, 4, consumed);
                Assert.InRange(consumed, 4, bytes.Length);
            }

            client.OnDatagram(bytes);
        });
    }
}
