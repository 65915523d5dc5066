using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Srtp;
using Org.BouncyCastle.Tls;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>Maps <see cref="SrtpProfile"/> to the use_srtp protection profile numbers (RFC 5764 section 4.1.2, RFC 7714 section 14.2).</summary>
internal static class DtlsSrtpProfiles
{
    /// <summary>The default preference: GCM first where available (as browsers and rtpengine prefer), then AES-CM with an 80-bit tag.</summary>
    public static IReadOnlyList<SrtpProfile> Default { get; } = CreateDefault();

    /// <summary>True when AES-GCM SRTP can run here (.NET 8+ with a platform AES-GCM).</summary>
    public static bool GcmAvailable
    {
        get
        {
#if NET8_0_OR_GREATER
            return System.Security.Cryptography.AesGcm.IsSupported;
#else
            return false;
#endif
        }
    }

    /// <summary>True when <paramref name="profile"/> can be negotiated on this platform.</summary>
    public static bool IsSupported(SrtpProfile profile) => !SrtpProfileInfo.IsAead(profile) || GcmAvailable;

    /// <summary>The use_srtp number of <paramref name="profile"/>.</summary>
    public static int ToWire(SrtpProfile profile) => profile switch
    {
        SrtpProfile.AesCm128HmacSha1_80 => SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80,
        SrtpProfile.AesCm128HmacSha1_32 => SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32,
        SrtpProfile.AeadAes128Gcm => SrtpProtectionProfile.SRTP_AEAD_AES_128_GCM,
        SrtpProfile.AeadAes256Gcm => SrtpProtectionProfile.SRTP_AEAD_AES_256_GCM,
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };

    /// <summary>The profile of a use_srtp number, or false for one this stack does not implement.</summary>
    public static bool TryFromWire(int wire, out SrtpProfile profile)
    {
        if (wire == SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80)
        {
            profile = SrtpProfile.AesCm128HmacSha1_80;
        }
        else if (wire == SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32)
        {
            profile = SrtpProfile.AesCm128HmacSha1_32;
        }
        else if (wire == SrtpProtectionProfile.SRTP_AEAD_AES_128_GCM)
        {
            profile = SrtpProfile.AeadAes128Gcm;
        }
        else if (wire == SrtpProtectionProfile.SRTP_AEAD_AES_256_GCM)
        {
            profile = SrtpProfile.AeadAes256Gcm;
        }
        else
        {
            profile = default;
            return false;
        }

        return true;
    }

    /// <summary>The use_srtp numbers of <paramref name="profiles"/>, in order.</summary>
    public static int[] ToWire(IReadOnlyList<SrtpProfile> profiles)
    {
        var wire = new int[profiles.Count];
        for (int i = 0; i < wire.Length; i++)
        {
            wire[i] = ToWire(profiles[i]);
        }

        return wire;
    }

    /// <summary>
    /// The server's choice: the first of its own <paramref name="preference"/> that the client offered in
    /// <paramref name="offered"/>, or false when there is none.
    /// </summary>
    public static bool TrySelect(IReadOnlyList<SrtpProfile> preference, int[] offered, out SrtpProfile selected)
    {
        foreach (SrtpProfile candidate in preference)
        {
            int wire = ToWire(candidate);
            if (Array.IndexOf(offered, wire) >= 0)
            {
                selected = candidate;
                return true;
            }
        }

        selected = default;
        return false;
    }

    private static SrtpProfile[] CreateDefault()
    {
        return GcmAvailable
            ? new[] { SrtpProfile.AeadAes256Gcm, SrtpProfile.AeadAes128Gcm, SrtpProfile.AesCm128HmacSha1_80 }
            : new[] { SrtpProfile.AesCm128HmacSha1_80 };
    }
}
