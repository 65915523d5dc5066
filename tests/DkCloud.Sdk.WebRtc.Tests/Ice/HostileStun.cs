using System;
using System.Diagnostics;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Ice;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Tests.Ice;

/// <summary>Builds STUN messages an attacker or a stale peer might send.</summary>
internal static class HostileStun
{
    public static byte[] Check(string username, string password, bool fingerprint = true, bool priority = true)
    {
        var buffer = new byte[512];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.Request, IceStunMessages.NewTransactionId());
        writer.AddString(StunAttributeType.Username, username);
        if (priority)
        {
            writer.AddUInt32(StunAttributeType.Priority, 1853824767);
        }

        writer.AddUInt64(StunAttributeType.IceControlling, 42);
        writer.AddMessageIntegrity(StunCredentials.ShortTermKey(password));
        if (fingerprint)
        {
            writer.AddFingerprint();
        }

        return writer.Written.ToArray();
    }

    public static byte[] UnsolicitedResponse()
    {
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.SuccessResponse, IceStunMessages.NewTransactionId());
        writer.AddAddress(StunAttributeType.XorMappedAddress, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 9));
        writer.AddFingerprint();
        return writer.Written.ToArray();
    }

    /// <summary>Waits in real time (UDP on loopback) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitForAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("The condition did not hold within 10 s.");
            }

            await Task.Delay(10);
        }
    }
}
