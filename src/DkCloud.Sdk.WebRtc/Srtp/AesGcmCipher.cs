#if NET8_0_OR_GREATER
using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>AEAD_AES_128_GCM and AEAD_AES_256_GCM for SRTP and SRTCP (RFC 7714), with 16-byte tags.</summary>
internal sealed class AesGcmCipher : ISrtpCipher
{
    private const int TagLength = 16;
    private const int SaltLength = 12;
    private readonly AesGcm _rtp;
    private readonly AesGcm _rtcp;
    private readonly byte[] _rtpSalt;
    private readonly byte[] _rtcpSalt;

    /// <summary>Derives the session keys and salts from the master key and 96-bit master salt.</summary>
    public AesGcmCipher(SrtpProfile profile, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt)
    {
        int keyLength = SrtpProfileInfo.KeyLength(profile);
        _rtp = new AesGcm(SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpEncryption, keyLength), TagLength);
        _rtcp = new AesGcm(SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpEncryption, keyLength), TagLength);
        _rtpSalt = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpSalt, SaltLength);
        _rtcpSalt = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpSalt, SaltLength);
    }

    /// <inheritdoc />
    public int RtpTagLength => TagLength;

    /// <inheritdoc />
    public int RtcpTagLength => TagLength;

    /// <inheritdoc />
    public bool RtcpIndexFollowsTag => true;

    /// <inheritdoc />
    public void ProtectRtp(Span<byte> packet, int headerLength, int length, uint ssrc, uint roc, ushort sequence)
    {
        Span<byte> nonce = stackalloc byte[SaltLength];
        BuildRtpNonce(nonce, ssrc, roc, sequence);
        Span<byte> payload = packet.Slice(headerLength, length - headerLength);
        _rtp.Encrypt(nonce, payload, payload, packet.Slice(length, TagLength), packet.Slice(0, headerLength));
    }

    /// <inheritdoc />
    public bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, uint roc, ushort sequence)
    {
        int length = packet.Length - TagLength;
        Span<byte> nonce = stackalloc byte[SaltLength];
        BuildRtpNonce(nonce, ssrc, roc, sequence);
        Span<byte> payload = packet.Slice(headerLength, length - headerLength);
        try
        {
            _rtp.Decrypt(nonce, payload, packet.Slice(length, TagLength), payload, packet.Slice(0, headerLength));
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public int ProtectRtcp(Span<byte> packet, int length, uint ssrc, uint index)
    {
        Span<byte> nonce = stackalloc byte[SaltLength];
        BuildRtcpNonce(nonce, ssrc, index);
        Span<byte> aad = stackalloc byte[12];
        packet.Slice(0, 8).CopyTo(aad);
        BinaryPrimitives.WriteUInt32BigEndian(aad.Slice(8), index | 0x80000000u);
        Span<byte> payload = packet.Slice(8, length - 8);
        _rtcp.Encrypt(nonce, payload, payload, packet.Slice(length, TagLength), aad);
        aad.Slice(8).CopyTo(packet.Slice(length + TagLength));
        return length + TagLength + 4;
    }

    /// <inheritdoc />
    public int UnprotectRtcp(Span<byte> packet, uint ssrc, uint index, bool encrypted)
    {
        int length = packet.Length - 4 - TagLength;
        Span<byte> nonce = stackalloc byte[SaltLength];
        BuildRtcpNonce(nonce, ssrc, index);
        ReadOnlySpan<byte> trailer = packet.Slice(packet.Length - 4);
        Span<byte> tag = packet.Slice(length, TagLength);
        try
        {
            if (encrypted)
            {
                Span<byte> aad = stackalloc byte[12];
                packet.Slice(0, 8).CopyTo(aad);
                trailer.CopyTo(aad.Slice(8));
                Span<byte> payload = packet.Slice(8, length - 8);
                _rtcp.Decrypt(nonce, payload, tag, payload, aad);
            }
            else
            {
                // Unencrypted SRTCP: everything before the tag, then E|index, is associated data (RFC 7714 section 9.2).
                byte[] aad = new byte[length + 4];
                packet.Slice(0, length).CopyTo(aad);
                trailer.CopyTo(aad.AsSpan(length));
                _rtcp.Decrypt(nonce, ReadOnlySpan<byte>.Empty, tag, Span<byte>.Empty, aad);
            }

            return length;
        }
        catch (AuthenticationTagMismatchException)
        {
            return -1;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _rtp.Dispose();
        _rtcp.Dispose();
    }

    /// <summary>IV = (00 00 || SSRC || ROC || SEQ) XOR salt (RFC 7714 section 8.1).</summary>
    private void BuildRtpNonce(Span<byte> nonce, uint ssrc, uint roc, ushort sequence)
    {
        nonce[0] = 0;
        nonce[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(nonce.Slice(2), ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.Slice(6), roc);
        BinaryPrimitives.WriteUInt16BigEndian(nonce.Slice(10), sequence);
        Xor(nonce, _rtpSalt);
    }

    /// <summary>IV = (00 00 || SSRC || 00 00 || 0 || SRTCP index) XOR salt (RFC 7714 section 9.1).</summary>
    private void BuildRtcpNonce(Span<byte> nonce, uint ssrc, uint index)
    {
        nonce.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(nonce.Slice(2), ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.Slice(8), index & 0x7FFFFFFFu);
        Xor(nonce, _rtcpSalt);
    }

    private static void Xor(Span<byte> target, byte[] salt)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] ^= salt[i];
        }
    }
}
#endif
