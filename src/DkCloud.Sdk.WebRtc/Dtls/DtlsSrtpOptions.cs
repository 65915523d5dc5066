using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>Settings of one DTLS-SRTP endpoint.</summary>
internal sealed class DtlsSrtpOptions
{
    /// <summary>
    /// SRTP protection profiles offered (client) or accepted (server), most preferred first. Defaults to
    /// <see cref="DtlsSrtpProfiles.Default"/>: AEAD_AES_256_GCM and AEAD_AES_128_GCM where the platform has AES-GCM,
    /// then AES128_CM_HMAC_SHA1_80 always.
    /// </summary>
    public IReadOnlyList<SrtpProfile> Profiles { get; set; } = DtlsSrtpProfiles.Default;

    /// <summary>
    /// The whole handshake must finish within this time. 20 s is longer than browsers wait for ICE to settle and
    /// leaves room for BouncyCastle's retransmission back-off (1, 2, 4, 8 s ...).
    /// </summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// First handshake retransmission timeout; it doubles after each loss up to 60 s. RFC 6347 section 4.2.4.1
    /// recommends 1 s.
    /// </summary>
    public TimeSpan InitialRetransmissionTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Refuse peers that do not negotiate the extended master secret (RFC 7627). Browsers, OpenSSL 1.1+ (rtpengine,
    /// Asterisk) and BoringSSL all do; leave it on unless an old peer needs it off.
    /// </summary>
    public bool RequireExtendedMasterSecret { get; set; } = true;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (Profiles is null || Profiles.Count == 0)
        {
            throw new ArgumentException("At least one SRTP profile is needed.", nameof(Profiles));
        }

        foreach (SrtpProfile profile in Profiles)
        {
            if (!DtlsSrtpProfiles.IsSupported(profile))
            {
                throw new ArgumentException("SRTP profile " + profile + " is not available on this platform.", nameof(Profiles));
            }
        }

        if (HandshakeTimeout <= TimeSpan.Zero || HandshakeTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(HandshakeTimeout));
        }

        if (InitialRetransmissionTimeout < TimeSpan.FromMilliseconds(10) || InitialRetransmissionTimeout > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialRetransmissionTimeout));
        }
    }
}
