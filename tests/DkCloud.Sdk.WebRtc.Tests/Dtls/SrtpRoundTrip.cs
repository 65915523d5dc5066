using System;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Srtp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Dtls;

/// <summary>Proves two endpoints' exported keys fit: what one protects, the other unprotects.</summary>
internal static class SrtpRoundTrip
{
    public static void Check(SrtpContext sender, SrtpContext receiver, uint ssrc)
    {
        var buffer = new byte[256];
        for (ushort sequence = 1; sequence <= 5; sequence++)
        {
            int header = RtpHeaderWriter.Write(buffer, false, 0, sequence, sequence * 160u, ssrc);
            for (int i = 0; i < 160; i++)
            {
                buffer[header + i] = (byte)(i + sequence);
            }

            byte[] plain = buffer.AsSpan(0, header + 160).ToArray();
            Assert.Equal(SrtpStatus.Ok, sender.ProtectRtp(buffer, header + 160, out int protectedLength));
            Assert.NotEqual(plain, buffer.AsSpan(0, header + 160).ToArray());
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(buffer.AsSpan(0, protectedLength), out int length));
            Assert.Equal(plain, buffer.AsSpan(0, length).ToArray());
        }
    }
}
