using System;
using System.Net;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Tests.Fuzz;

/// <summary>Valid TURN messages as mutation seeds.</summary>
internal static class TurnSamples
{
    private static readonly byte[] Id = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

    public static byte[] DataIndication(bool fingerprint = true)
    {
        var buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMethod.Data, StunClass.Indication, Id);
        writer.AddAddress(StunAttributeType.XorPeerAddress, new IPEndPoint(IPAddress.Parse("192.0.2.15"), 32853));
        writer.AddAttribute(StunAttributeType.Data, new byte[] { 0x80, 0x00, 0x01, 0x02, 0x03 });
        if (fingerprint)
        {
            writer.AddFingerprint();
        }

        return writer.Written.ToArray();
    }

    public static byte[] AllocateResponse(bool fingerprint = true)
    {
        var buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMethod.Allocate, StunClass.SuccessResponse, Id);
        writer.AddAddress(StunAttributeType.XorRelayedAddress, new IPEndPoint(IPAddress.Parse("2001:db8::1"), 49152));
        writer.AddAddress(StunAttributeType.XorMappedAddress, new IPEndPoint(IPAddress.Parse("198.51.100.7"), 50000));
        writer.AddUInt32(StunAttributeType.Lifetime, 600);
        writer.AddString(StunAttributeType.Realm, "dkcloud.test");
        writer.AddString(StunAttributeType.Nonce, "abcdef");
        writer.AddMessageIntegrity(StunCredentials.LongTermKey("u", "dkcloud.test", "p"));
        if (fingerprint)
        {
            writer.AddFingerprint();
        }

        return writer.Written.ToArray();
    }
}
