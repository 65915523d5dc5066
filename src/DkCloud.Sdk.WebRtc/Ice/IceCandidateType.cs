namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Candidate types (RFC 8445 section 5.1.1), spelled in SDP as <c>host</c>, <c>srflx</c>, <c>prflx</c>, <c>relay</c>.</summary>
internal enum IceCandidateType
{
    /// <summary>An address of a local interface.</summary>
    Host,

    /// <summary>The address a STUN server saw (the outermost NAT's mapping).</summary>
    ServerReflexive,

    /// <summary>An address learned from a connectivity check.</summary>
    PeerReflexive,

    /// <summary>An address on a TURN server.</summary>
    Relayed,
}
