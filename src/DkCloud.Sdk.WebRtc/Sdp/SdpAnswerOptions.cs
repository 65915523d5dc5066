using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>What the local side brings to an answer: codecs, transport identity and preferences.</summary>
internal sealed class SdpAnswerOptions
{
    /// <summary>Supported codecs; the offer's order decides the preference.</summary>
    public IReadOnlyList<SdpCodec> Codecs { get; set; } = SdpCodec.Defaults;

    /// <summary>The o= line of the answer.</summary>
    public SdpOrigin Origin { get; set; } = new("-", 0, 0, "IP4", "127.0.0.1");

    /// <summary>The c= address (IP4 unless it contains a colon).</summary>
    public string ConnectionAddress { get; set; } = "0.0.0.0";

    /// <summary>The local RTP port (9 with ICE, RFC 8839 §4.2.1.3 style placeholder).</summary>
    public int Port { get; set; } = 9;

    /// <summary>What the local side wants to do; the answer is this intersected with the offer's direction.</summary>
    public SdpDirection LocalDirection { get; set; } = SdpDirection.SendRecv;

    /// <summary>Local ICE ufrag, or null to leave ICE out.</summary>
    public string? IceUfrag { get; set; }

    /// <summary>Local ICE password.</summary>
    public string? IcePwd { get; set; }

    /// <summary>True when the local agent does trickle ICE (answers <c>a=ice-options:trickle</c> when offered).</summary>
    public bool Trickle { get; set; } = true;

    /// <summary>Local candidates, added to the first accepted section.</summary>
    public IList<SdpCandidate> Candidates { get; } = new List<SdpCandidate>();

    /// <summary>True when gathering is complete (adds <c>a=end-of-candidates</c>).</summary>
    public bool EndOfCandidates { get; set; }

    /// <summary>The local DTLS certificate fingerprint, or null for plain RTP.</summary>
    public SdpFingerprint? Fingerprint { get; set; }

    /// <summary>Packetisation time to announce, or null.</summary>
    public int? Ptime { get; set; } = 20;

    /// <summary>The local SSRC and CNAME, when the local side sends.</summary>
    public uint? Ssrc { get; set; }

    /// <summary>The CNAME for <see cref="Ssrc"/>.</summary>
    public string? Cname { get; set; }
}
