namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>What arrived on a multiplexed media socket.</summary>
internal enum MediaPacketKind
{
    /// <summary>Nothing this stack accepts.</summary>
    Unknown,

    /// <summary>STUN (first byte 0-3).</summary>
    Stun,

    /// <summary>DTLS (first byte 20-63).</summary>
    Dtls,

    /// <summary>RTP (first byte 128-191, second byte's payload type outside 64-95).</summary>
    Rtp,

    /// <summary>RTCP (first byte 128-191, second byte's low 7 bits 64-95: packet types 192-223).</summary>
    Rtcp,
}
