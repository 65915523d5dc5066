using System;
using CsCheck;
using DkCloud.Sdk.WebRtc.Srtp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Srtp;

/// <summary>The managed and the platform AES/HMAC code give byte-identical SRTP and SRTCP packets and read each other's.</summary>
[Collection(SrtpCollection.Name)]
public class SrtpImplementationTests
{
    [Theory]
    [InlineData(nameof(SrtpProfile.AesCm128HmacSha1_80))]
    [InlineData(nameof(SrtpProfile.AesCm128HmacSha1_32))]
    public void ManagedAndPlatform_ProtectIdentically_AndUnprotectEachOther(string profileName)
    {
        SrtpProfile profile = Enum.Parse<SrtpProfile>(profileName);
        Gen.Select(Gen.Byte.Array[16], Gen.Byte.Array[14], Gen.Byte.Array[0, 1200], Gen.UShort, Gen.UInt).Sample((key, salt, payload, sequence, ssrc) =>
        {
            using var managed = new SrtpContext(profile, key, salt, implementation: SrtpCryptoImplementation.Managed);
            using var platform = new SrtpContext(profile, key, salt, implementation: SrtpCryptoImplementation.Platform);
            using var managedReceiver = new SrtpContext(profile, key, salt, implementation: SrtpCryptoImplementation.Managed);
            using var platformReceiver = new SrtpContext(profile, key, salt, implementation: SrtpCryptoImplementation.Platform);

            byte[] rtp = new byte[12 + payload.Length];
            rtp[0] = 0x80;
            rtp[2] = (byte)(sequence >> 8);
            rtp[3] = (byte)sequence;
            rtp[8] = (byte)(ssrc >> 24);
            rtp[9] = (byte)(ssrc >> 16);
            rtp[10] = (byte)(ssrc >> 8);
            rtp[11] = (byte)ssrc;
            payload.CopyTo(rtp, 12);
            byte[] fromManaged = ProtectRtp(managed, rtp);
            byte[] fromPlatform = ProtectRtp(platform, rtp);
            Assert.Equal(fromPlatform, fromManaged);
            Assert.Equal(rtp, UnprotectRtp(platformReceiver, fromManaged));
            Assert.Equal(rtp, UnprotectRtp(managedReceiver, fromPlatform));

            // SRTCP: the RTP packet's bytes, made RTCP-shaped (version 2, type 200, the SSRC at offset 4).
            byte[] rtcp = (byte[])rtp.Clone();
            rtcp[1] = 200;
            rtcp.AsSpan(8, 4).CopyTo(rtcp.AsSpan(4));
            byte[] rtcpFromManaged = ProtectRtcp(managed, rtcp);
            Assert.Equal(ProtectRtcp(platform, rtcp), rtcpFromManaged);
            Assert.Equal(SrtpStatus.Ok, platformReceiver.UnprotectRtcp(rtcpFromManaged, out int length));
            Assert.Equal(rtcp, rtcpFromManaged.AsSpan(0, length).ToArray());
        }, iter: 500);
    }

    private static byte[] ProtectRtp(SrtpContext context, byte[] rtp)
    {
        var buffer = new byte[rtp.Length + context.RtpOverhead];
        rtp.CopyTo(buffer, 0);
        Assert.Equal(SrtpStatus.Ok, context.ProtectRtp(buffer, rtp.Length, out int length));
        return buffer.AsSpan(0, length).ToArray();
    }

    private static byte[] ProtectRtcp(SrtpContext context, byte[] rtcp)
    {
        var buffer = new byte[rtcp.Length + context.RtcpOverhead];
        rtcp.CopyTo(buffer, 0);
        Assert.Equal(SrtpStatus.Ok, context.ProtectRtcp(buffer, rtcp.Length, out int length));
        return buffer.AsSpan(0, length).ToArray();
    }

    private static byte[] UnprotectRtp(SrtpContext context, byte[] srtp)
    {
        Assert.Equal(SrtpStatus.Ok, context.UnprotectRtp(srtp, out int length));
        return srtp.AsSpan(0, length).ToArray();
    }
}
