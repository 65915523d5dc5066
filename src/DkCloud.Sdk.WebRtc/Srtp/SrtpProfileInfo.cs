using System;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>Key, salt and tag sizes of each <see cref="SrtpProfile"/>.</summary>
internal static class SrtpProfileInfo
{
    /// <summary>Master and session cipher key length in bytes.</summary>
    public static int KeyLength(SrtpProfile profile) => profile == SrtpProfile.AeadAes256Gcm ? 32 : 16;

    /// <summary>Master and session salt length in bytes (112 bits for AES-CM, 96 bits for GCM).</summary>
    public static int SaltLength(SrtpProfile profile) => IsAead(profile) ? 12 : 14;

    /// <summary>Authentication tag appended to SRTP packets.</summary>
    public static int RtpTagLength(SrtpProfile profile) => profile switch
    {
        SrtpProfile.AesCm128HmacSha1_80 => 10,
        SrtpProfile.AesCm128HmacSha1_32 => 4,
        SrtpProfile.AeadAes128Gcm or SrtpProfile.AeadAes256Gcm => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };

    /// <summary>Authentication tag appended to SRTCP packets (80 bits for both HMAC profiles).</summary>
    public static int RtcpTagLength(SrtpProfile profile) => IsAead(profile) ? 16 : 10;

    /// <summary>True for the AES-GCM profiles.</summary>
    public static bool IsAead(SrtpProfile profile) => profile == SrtpProfile.AeadAes128Gcm || profile == SrtpProfile.AeadAes256Gcm;
}
