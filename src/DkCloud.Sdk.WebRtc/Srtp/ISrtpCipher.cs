using System;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>The per-packet transform of one profile, for one direction's session keys.</summary>
internal interface ISrtpCipher : IDisposable
{
    /// <summary>Bytes appended to an SRTP packet.</summary>
    int RtpTagLength { get; }

    /// <summary>Bytes appended to an SRTCP packet after the E flag and index.</summary>
    int RtcpTagLength { get; }

    /// <summary>True when the SRTCP E flag and index come after the tag (GCM), false when before it (AES-CM).</summary>
    bool RtcpIndexFollowsTag { get; }

    /// <summary>Encrypts the payload of <paramref name="packet"/> (header of <paramref name="headerLength"/> bytes) in place and writes the tag after it.</summary>
    void ProtectRtp(Span<byte> packet, int headerLength, int length, uint ssrc, uint roc, ushort sequence);

    /// <summary>Checks the tag that ends <paramref name="packet"/> and, only if it is right, decrypts the payload in place.</summary>
    bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, uint roc, ushort sequence);

    /// <summary>Encrypts an RTCP packet in place, then writes E|index and the tag after it; returns the new length.</summary>
    int ProtectRtcp(Span<byte> packet, int length, uint ssrc, uint index);

    /// <summary>Checks the tag of an SRTCP packet and, only if it is right, decrypts it in place; returns the RTCP length or -1.</summary>
    int UnprotectRtcp(Span<byte> packet, uint ssrc, uint index, bool encrypted);
}
