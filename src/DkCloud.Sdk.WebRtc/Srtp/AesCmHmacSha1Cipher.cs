using System;
using System.Buffers.Binary;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>AES_CM_128 encryption with HMAC-SHA1 authentication (RFC 3711 sections 4.1.1 and 4.2.1).</summary>
internal sealed class AesCmHmacSha1Cipher : ISrtpCipher
{
    private const int SaltLength = 14;
    private readonly AesCounterMode _rtpCipher;
    private readonly AesCounterMode _rtcpCipher;
    private readonly HmacSha1Authenticator _rtpAuth;
    private readonly HmacSha1Authenticator _rtcpAuth;
    private readonly byte[] _rtpSalt;
    private readonly byte[] _rtcpSalt;

    /// <summary>Derives the session keys from the master key and salt.</summary>
    /// <param name="profile">One of the AES-CM profiles.</param>
    /// <param name="masterKey">The 16-byte master key.</param>
    /// <param name="masterSalt">The 14-byte master salt.</param>
    /// <param name="implementation">Which code runs AES and HMAC-SHA1; the output is the same.</param>
    public AesCmHmacSha1Cipher(
        SrtpProfile profile,
        ReadOnlySpan<byte> masterKey,
        ReadOnlySpan<byte> masterSalt,
        SrtpCryptoImplementation implementation = SrtpCryptoImplementation.Managed)
    {
        RtpTagLength = SrtpProfileInfo.RtpTagLength(profile);
        RtcpTagLength = SrtpProfileInfo.RtcpTagLength(profile);
        byte[] rtpKey = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpEncryption, 16);
        byte[] rtcpKey = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpEncryption, 16);
        _rtpSalt = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpSalt, SaltLength);
        _rtcpSalt = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpSalt, SaltLength);
        _rtpCipher = new AesCounterMode(rtpKey, implementation);
        _rtcpCipher = new AesCounterMode(rtcpKey, implementation);
        byte[] rtpAuthKey = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpAuthentication, 20);
        byte[] rtcpAuthKey = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpAuthentication, 20);
        _rtpAuth = new HmacSha1Authenticator(rtpAuthKey, implementation);
        _rtcpAuth = new HmacSha1Authenticator(rtcpAuthKey, implementation);
    }

    /// <inheritdoc />
    public int RtpTagLength { get; }

    /// <inheritdoc />
    public int RtcpTagLength { get; }

    /// <inheritdoc />
    public bool RtcpIndexFollowsTag => false;

    /// <inheritdoc />
    public void ProtectRtp(Span<byte> packet, int headerLength, int length, uint ssrc, uint roc, ushort sequence)
    {
        Span<byte> iv = stackalloc byte[16];
        BuildIv(iv, _rtpSalt, ssrc, ((ulong)roc << 16) | sequence);
        _rtpCipher.Apply(iv, packet.Slice(headerLength, length - headerLength));

        Span<byte> rocBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(rocBytes, roc);
        Span<byte> mac = stackalloc byte[HmacSha1Authenticator.MacLength];
        _rtpAuth.Compute(packet.Slice(0, length), rocBytes, mac);
        mac.Slice(0, RtpTagLength).CopyTo(packet.Slice(length));
    }

    /// <inheritdoc />
    public bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, uint roc, ushort sequence)
    {
        int length = packet.Length - RtpTagLength;
        Span<byte> rocBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(rocBytes, roc);
        Span<byte> mac = stackalloc byte[HmacSha1Authenticator.MacLength];
        _rtpAuth.Compute(packet.Slice(0, length), rocBytes, mac);
        if (!CryptoCompare.FixedTimeEquals(mac.Slice(0, RtpTagLength), packet.Slice(length, RtpTagLength)))
        {
            return false;
        }

        Span<byte> iv = stackalloc byte[16];
        BuildIv(iv, _rtpSalt, ssrc, ((ulong)roc << 16) | sequence);
        _rtpCipher.Apply(iv, packet.Slice(headerLength, length - headerLength));
        return true;
    }

    /// <inheritdoc />
    public int ProtectRtcp(Span<byte> packet, int length, uint ssrc, uint index)
    {
        Span<byte> iv = stackalloc byte[16];
        BuildIv(iv, _rtcpSalt, ssrc, index);
        _rtcpCipher.Apply(iv, packet.Slice(8, length - 8));
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(length), index | 0x80000000u);
        int authenticated = length + 4;
        Span<byte> mac = stackalloc byte[HmacSha1Authenticator.MacLength];
        _rtcpAuth.Compute(packet.Slice(0, authenticated), ReadOnlySpan<byte>.Empty, mac);
        mac.Slice(0, RtcpTagLength).CopyTo(packet.Slice(authenticated));
        return authenticated + RtcpTagLength;
    }

    /// <inheritdoc />
    public int UnprotectRtcp(Span<byte> packet, uint ssrc, uint index, bool encrypted)
    {
        int authenticated = packet.Length - RtcpTagLength;
        Span<byte> mac = stackalloc byte[HmacSha1Authenticator.MacLength];
        _rtcpAuth.Compute(packet.Slice(0, authenticated), ReadOnlySpan<byte>.Empty, mac);
        if (!CryptoCompare.FixedTimeEquals(mac.Slice(0, RtcpTagLength), packet.Slice(authenticated, RtcpTagLength)))
        {
            return -1;
        }

        int length = authenticated - 4;
        if (encrypted)
        {
            Span<byte> iv = stackalloc byte[16];
            BuildIv(iv, _rtcpSalt, ssrc, index);
            _rtcpCipher.Apply(iv, packet.Slice(8, length - 8));
        }

        return length;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _rtpCipher.Dispose();
        _rtcpCipher.Dispose();
        _rtpAuth.Dispose();
        _rtcpAuth.Dispose();
    }

    /// <summary>IV = (salt * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16).</summary>
    private static void BuildIv(Span<byte> iv, byte[] salt, uint ssrc, ulong index)
    {
        iv.Clear();
        salt.AsSpan().CopyTo(iv);
        iv[4] ^= (byte)(ssrc >> 24);
        iv[5] ^= (byte)(ssrc >> 16);
        iv[6] ^= (byte)(ssrc >> 8);
        iv[7] ^= (byte)ssrc;
        for (int i = 0; i < 6; i++)
        {
            iv[13 - i] ^= (byte)(index >> (8 * i));
        }
    }
}
