using System;
using System.Buffers.Binary;
using DkCloud.Sdk.WebRtc.Srtp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Srtp;

[Collection(SrtpCollection.Name)]
public class SrtpContextTests
{
    public static TheoryData<string> Profiles() => new()
    {
        nameof(SrtpProfile.AesCm128HmacSha1_80),
        nameof(SrtpProfile.AesCm128HmacSha1_32),
        nameof(SrtpProfile.AeadAes128Gcm),
        nameof(SrtpProfile.AeadAes256Gcm),
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ProtectAndUnprotect_AllocateNothingPerPacket(string profileName)
    {
        SrtpProfile profile = Enum.Parse<SrtpProfile>(profileName);
        (SrtpContext sender, SrtpContext receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            var buffer = new byte[400];
            void OnePacket(int i)
            {
                byte[] rtp = Rtp(0x11223344, (ushort)i, 0xAB, 160);
                rtp.CopyTo(buffer, 0);
                Assert.Equal(SrtpStatus.Ok, sender.ProtectRtp(buffer, rtp.Length, out int protectedLength));
                Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(buffer.AsSpan(0, protectedLength), out _));
            }

            for (int i = 0; i < 50; i++)
            {
                OnePacket(i);
            }

            // Only the test's own packet arrays are allocated inside the loop: count them out.
            long before = GC.GetAllocatedBytesForCurrentThread();
            long packetArrays = 0;
            int failures = 0;
            for (int i = 50; i < 1050; i++)
            {
                long a = GC.GetAllocatedBytesForCurrentThread();
                byte[] rtp = Rtp(0x11223344, (ushort)i, 0xAB, 160);
                packetArrays += GC.GetAllocatedBytesForCurrentThread() - a;
                rtp.CopyTo(buffer, 0);
                failures += sender.ProtectRtp(buffer, rtp.Length, out int protectedLength) == SrtpStatus.Ok ? 0 : 1;
                failures += receiver.UnprotectRtp(buffer.AsSpan(0, protectedLength), out _) == SrtpStatus.Ok ? 0 : 1;
            }

            Assert.Equal(0, failures);
            long perPacket = (GC.GetAllocatedBytesForCurrentThread() - before - packetArrays) / 1000;
            Assert.Equal(0, perPacket);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RoundTrip_RtpAndRtcp(string profileName)
    {
        SrtpProfile profile = Enum.Parse<SrtpProfile>(profileName);
        (SrtpContext sender, SrtpContext receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            byte[] rtp = Rtp(0x11223344, 1000, 0xAB, 160);
            var buffer = new byte[400];
            rtp.CopyTo(buffer, 0);
            Assert.Equal(SrtpStatus.Ok, sender.ProtectRtp(buffer, rtp.Length, out int protectedLength));
            Assert.Equal(rtp.Length + SrtpProfileInfo.RtpTagLength(profile), protectedLength);
            Assert.NotEqual(rtp.AsSpan(12).ToArray(), buffer.AsSpan(12, rtp.Length - 12).ToArray());
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(buffer.AsSpan(0, protectedLength), out int length));
            Assert.Equal(rtp, buffer.AsSpan(0, length).ToArray());

            byte[] rtcp = Rtcp(0x11223344, 24);
            rtcp.CopyTo(buffer, 0);
            Assert.Equal(SrtpStatus.Ok, sender.ProtectRtcp(buffer, rtcp.Length, out protectedLength));
            Assert.Equal(rtcp.Length + sender.RtcpOverhead, protectedLength);
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtcp(buffer.AsSpan(0, protectedLength), out length));
            Assert.Equal(rtcp, buffer.AsSpan(0, length).ToArray());
            Assert.Equal(2, sender.Counters.Protected);
            Assert.Equal(2, receiver.Counters.Unprotected);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void SequenceWrap_KeepsDecrypting_AndAdvancesRoc(string profileName)
    {
        SrtpProfile profile = Enum.Parse<SrtpProfile>(profileName);
        (SrtpContext sender, SrtpContext receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            ushort sequence = 65500;
            for (int i = 0; i < 100; i++, sequence++)
            {
                byte[] packet = Rtp(7, sequence, (byte)i, 40);
                byte[] protectedPacket = Protect(sender, packet);
                Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(protectedPacket, out int length));
                Assert.Equal(packet, protectedPacket.AsSpan(0, length).ToArray());
            }

            Assert.Equal(1u, sender.GetRolloverCounter(7));
            Assert.Equal(1u, receiver.GetRolloverCounter(7));
        }
    }

    [Fact]
    public void LateSequenceFromBeforeTheWrap_UsesThePreviousRoc()
    {
        (SrtpContext sender, SrtpContext receiver) = Pair(SrtpProfile.AesCm128HmacSha1_80);
        using (sender)
        using (receiver)
        {
            byte[] late = Protect(sender, Rtp(7, 65534, 1, 20));
            byte[] beforeWrap = Protect(sender, Rtp(7, 65535, 2, 20));
            byte[] afterWrap = Protect(sender, Rtp(7, 0, 3, 20));

            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(beforeWrap, out _));
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(afterWrap, out _));
            Assert.Equal(1u, receiver.GetRolloverCounter(7));
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(late, out int length));
            Assert.Equal(Rtp(7, 65534, 1, 20), late.AsSpan(0, length).ToArray());
            Assert.Equal(1u, receiver.GetRolloverCounter(7));
        }
    }

    [Fact]
    public void ReplayedPacket_IsRejectedAndCounted()
    {
        (SrtpContext sender, SrtpContext receiver) = Pair(SrtpProfile.AesCm128HmacSha1_80);
        using (sender)
        using (receiver)
        {
            byte[] packet = Protect(sender, Rtp(5, 10, 1, 20));
            byte[] copy = (byte[])packet.Clone();

            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(packet, out _));
            Assert.Equal(SrtpStatus.Replayed, receiver.UnprotectRtp(copy, out _));
            Assert.Equal(1, receiver.Counters.Replayed);

            byte[] rtcp = ProtectRtcp(sender, Rtcp(5, 16));
            byte[] rtcpCopy = (byte[])rtcp.Clone();
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtcp(rtcp, out _));
            Assert.Equal(SrtpStatus.Replayed, receiver.UnprotectRtcp(rtcpCopy, out _));
            Assert.Equal(2, receiver.Counters.Replayed);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TamperedPacket_IsRejected_AndStateIsUnchanged(string profileName)
    {
        SrtpProfile profile = Enum.Parse<SrtpProfile>(profileName);
        (SrtpContext sender, SrtpContext receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(Protect(sender, Rtp(9, 65535, 0, 20)), out _));
            Assert.Equal(0u, receiver.GetRolloverCounter(9));

            // A forged packet that would move the stream into the next ROC period must not move it.
            byte[] next = Protect(sender, Rtp(9, 0, 1, 20));
            byte[] forged = (byte[])next.Clone();
            forged[15] ^= 0x40;
            Assert.Equal(SrtpStatus.AuthenticationFailed, receiver.UnprotectRtp(forged, out _));
            Assert.Equal(0u, receiver.GetRolloverCounter(9));
            Assert.Equal(1, receiver.Counters.AuthenticationFailures);

            // The genuine packet with the same index still goes through: the window did not record the forgery.
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(next, out int length));
            Assert.Equal(Rtp(9, 0, 1, 20), next.AsSpan(0, length).ToArray());
            Assert.Equal(1u, receiver.GetRolloverCounter(9));

            byte[] rtcp = ProtectRtcp(sender, Rtcp(9, 20));
            byte[] badRtcp = (byte[])rtcp.Clone();
            badRtcp[10] ^= 1;
            Assert.Equal(SrtpStatus.AuthenticationFailed, receiver.UnprotectRtcp(badRtcp, out _));
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtcp(rtcp, out _));
        }
    }

    [Fact]
    public void ForgedFirstPacketOfUnknownSsrc_CreatesNoState()
    {
        (SrtpContext sender, SrtpContext receiver) = Pair(SrtpProfile.AesCm128HmacSha1_80);
        using (sender)
        using (receiver)
        {
            byte[] packet = Protect(sender, Rtp(77, 100, 0, 20));
            packet[^1] ^= 1;
            Assert.Equal(SrtpStatus.AuthenticationFailed, receiver.UnprotectRtp(packet, out _));
            Assert.Null(receiver.GetRolloverCounter(77));
        }
    }

    [Fact]
    public void OutOfOrderWithinWindow_IsAccepted_AndTooOldIsRejected()
    {
        (SrtpContext sender, SrtpContext receiver) = Pair(SrtpProfile.AesCm128HmacSha1_32);
        using (sender)
        using (receiver)
        {
            var packets = new byte[200][];
            for (int i = 0; i < packets.Length; i++)
            {
                packets[i] = Protect(sender, Rtp(3, (ushort)(1000 + i), (byte)i, 20));
            }

            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(packets[100], out _));
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(packets[99], out _));
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(packets[40], out _));
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(packets[37], out _));
            Assert.Equal(SrtpStatus.Replayed, receiver.UnprotectRtp(packets[36], out _));
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(packets[150], out _));
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(packets[120], out int length));
            Assert.Equal(Rtp(3, 1120, 120, 20), packets[120].AsSpan(0, length).ToArray());
            Assert.Equal(SrtpStatus.Replayed, receiver.UnprotectRtp(packets[80], out _));
        }
    }

    [Fact]
    public void EachSsrcHasItsOwnRolloverCounter()
    {
        (SrtpContext sender, SrtpContext receiver) = Pair(SrtpProfile.AesCm128HmacSha1_80);
        using (sender)
        using (receiver)
        {
            for (int i = 0; i < 20; i++)
            {
                Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(Protect(sender, Rtp(1, (ushort)(65530 + i), 0, 10)), out _));
                Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(Protect(sender, Rtp(2, (ushort)(30000 + i), 0, 10)), out _));
            }

            Assert.Equal(1u, receiver.GetRolloverCounter(1));
            Assert.Equal(0u, receiver.GetRolloverCounter(2));
            Assert.Equal(1u, sender.GetRolloverCounter(1));
            Assert.Equal(0u, sender.GetRolloverCounter(2));
        }
    }

    [Fact]
    public void StreamLimit_RejectsNewSsrcs()
    {
        byte[] key = new byte[16];
        byte[] salt = new byte[14];
        using var sender = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, key, salt);
        using var receiver = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, key, salt, maxStreams: 2);
        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(Protect(sender, Rtp(1, 1, 0, 10)), out _));
        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(Protect(sender, Rtp(2, 1, 0, 10)), out _));
        Assert.Equal(SrtpStatus.TooManyStreams, receiver.UnprotectRtp(Protect(sender, Rtp(3, 1, 0, 10)), out _));
        Assert.Equal(1, receiver.Counters.RejectedStreams);
    }

    [Fact]
    public void MalformedAndShortPackets_AreDroppedWithoutThrowing()
    {
        (SrtpContext sender, SrtpContext receiver) = Pair(SrtpProfile.AesCm128HmacSha1_80);
        using (sender)
        using (receiver)
        {
            var random = new Random(3711);
            for (int n = 0; n < 5000; n++)
            {
                var packet = new byte[random.Next(0, 80)];
                random.NextBytes(packet);
                SrtpStatus rtp = receiver.UnprotectRtp(packet, out _);
                SrtpStatus rtcp = receiver.UnprotectRtcp((byte[])packet.Clone(), out _);
                Assert.NotEqual(SrtpStatus.Ok, rtp);
                Assert.NotEqual(SrtpStatus.Ok, rtcp);
            }

            Assert.Equal(SrtpStatus.BufferTooSmall, sender.ProtectRtp(Rtp(1, 1, 0, 10), 22, out _));
            Assert.Equal(SrtpStatus.Malformed, sender.ProtectRtp(new byte[40], 20, out _));
        }
    }

#if NET8_0_OR_GREATER
    [Fact]
    public void Gcm_RejectsWrongKeySize()
    {
        Assert.Throws<ArgumentException>(() => new SrtpContext(SrtpProfile.AeadAes256Gcm, new byte[16], new byte[12]));
    }
#endif

    private static (SrtpContext Sender, SrtpContext Receiver) Pair(SrtpProfile profile)
    {
        var key = new byte[SrtpProfileInfo.KeyLength(profile)];
        var salt = new byte[SrtpProfileInfo.SaltLength(profile)];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(i * 7 + 1);
        }

        for (int i = 0; i < salt.Length; i++)
        {
            salt[i] = (byte)(0xA0 + i);
        }

        return (new SrtpContext(profile, key, salt), new SrtpContext(profile, key, salt));
    }

    private static byte[] Protect(SrtpContext sender, byte[] rtp)
    {
        var buffer = new byte[rtp.Length + 16];
        rtp.CopyTo(buffer, 0);
        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtp(buffer, rtp.Length, out int length));
        return buffer.AsSpan(0, length).ToArray();
    }

    private static byte[] ProtectRtcp(SrtpContext sender, byte[] rtcp)
    {
        var buffer = new byte[rtcp.Length + 20];
        rtcp.CopyTo(buffer, 0);
        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtcp(buffer, rtcp.Length, out int length));
        return buffer.AsSpan(0, length).ToArray();
    }

    private static byte[] Rtp(uint ssrc, ushort sequence, byte fill, int payloadLength)
    {
        var packet = new byte[12 + payloadLength];
        packet[0] = 0x80;
        packet[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), sequence * 160u);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        packet.AsSpan(12).Fill(fill);
        return packet;
    }

    private static byte[] Rtcp(uint ssrc, int length)
    {
        var packet = new byte[length];
        packet[0] = 0x80;
        packet[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)(length / 4 - 1));
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), ssrc);
        for (int i = 8; i < length; i++)
        {
            packet[i] = (byte)i;
        }

        return packet;
    }
}
