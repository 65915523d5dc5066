using System;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

/// <summary>The two ends of one SRTP direction (AES-CM-128 / HMAC-SHA1-80, as rtpengine negotiates), from a seeded key.</summary>
internal sealed class SrtpPair : IDisposable
{
    public SrtpPair(int seed)
    {
        var key = new byte[16];
        var salt = new byte[14];
        var random = new Random(seed);
        random.NextBytes(key);
        random.NextBytes(salt);
        Sender = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, key, salt);
        Receiver = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, key, salt);
    }

    public SrtpContext Sender { get; }

    public SrtpContext Receiver { get; }

    public void Dispose()
    {
        Sender.Dispose();
        Receiver.Dispose();
    }
}
