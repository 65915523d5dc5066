using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>What <see cref="SdpOfferBuilder"/> puts into a one-audio-line WebRTC offer.</summary>
internal sealed class SdpOfferOptions
{
    /// <summary>The codecs offered, in preference order, each with its payload type.</summary>
    public IList<KeyValuePair<int, SdpCodec>> Codecs { get; } = new List<KeyValuePair<int, SdpCodec>>();

    /// <summary>The <c>o=</c> line.</summary>
    public SdpOrigin Origin { get; set; } = new("-", 0, 0, "IP4", "127.0.0.1");

    /// <summary>The session-level <c>c=</c> address (the default candidate's address).</summary>
    public string ConnectionAddress { get; set; } = "0.0.0.0";

    /// <summary>The <c>m=</c> port (the default candidate's port).</summary>
    public int Port { get; set; } = 9;

    /// <summary>The <c>a=mid</c> of the audio line.</summary>
    public string Mid { get; set; } = "0";

    /// <summary>The direction we offer.</summary>
    public SdpDirection Direction { get; set; } = SdpDirection.SendRecv;

    /// <summary>The local ICE username fragment.</summary>
    public string? IceUfrag { get; set; }

    /// <summary>The local ICE password.</summary>
    public string? IcePwd { get; set; }

    /// <summary>All local candidates (no trickling over SIP).</summary>
    public IList<SdpCandidate> Candidates { get; } = new List<SdpCandidate>();

    /// <summary>The local DTLS certificate fingerprint.</summary>
    public SdpFingerprint? Fingerprint { get; set; }

    /// <summary>The offered DTLS setup role (actpass for a new session).</summary>
    public SdpSetupRole Setup { get; set; } = SdpSetupRole.ActPass;

    /// <summary>The packet time in milliseconds, or null for none.</summary>
    public int? Ptime { get; set; } = 20;

    /// <summary>Our SSRC for <c>a=ssrc</c>, with <see cref="Cname"/>.</summary>
    public uint? Ssrc { get; set; }

    /// <summary>The RTCP CNAME for <c>a=ssrc</c>.</summary>
    public string? Cname { get; set; }
}
