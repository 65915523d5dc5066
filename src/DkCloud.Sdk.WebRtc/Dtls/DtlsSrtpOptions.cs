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
    /// The whole handshake must finish within this time, on the transport's TimeProvider. 20 s is longer than browsers
    /// wait for ICE to settle and leaves room for four retransmissions of a flight (after 1, 2, 4 and 8 s).
    /// </summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// First retransmission timeout of each handshake flight, on the transport's TimeProvider; it doubles after each
    /// expiry up to 60 s. RFC 6347 section 4.2.4.1 recommends 1 s.
    /// </summary>
    public TimeSpan InitialRetransmissionTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The first retransmission timeout BouncyCastle keeps itself, on the wall clock (it doubles it after each
    /// retransmission). BouncyCastle cannot send a flight again before that wait is over, whatever the TimeProvider
    /// says, so a flight goes again at the later of the two. Null (default): <see cref="InitialRetransmissionTimeout"/>,
    /// so that with the system clock both agree. A test that drives a fake clock sets a few milliseconds, so that the fake
    /// clock alone decides; BouncyCastle then also repeats a flight early when a record it discards (a ChangeCipherSpec,
    /// a duplicate) arrives after those milliseconds, which the transport reports as a retransmission without the timer.
    /// </summary>
    public TimeSpan? EngineRetransmissionTimeout { get; set; }

    /// <summary>BouncyCastle's first retransmission timeout in milliseconds.</summary>
    internal int EngineRetransmissionMillis => (int)Math.Ceiling((EngineRetransmissionTimeout ?? InitialRetransmissionTimeout).TotalMilliseconds);

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

        if (EngineRetransmissionTimeout is { } engine && (engine < TimeSpan.FromMilliseconds(1) || engine > InitialRetransmissionTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(EngineRetransmissionTimeout), "Between 1 ms and the initial retransmission timeout.");
        }
    }
}
