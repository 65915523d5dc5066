namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>STUN attribute types used by this stack (RFC 8489, RFC 8445, RFC 8656).</summary>
/// <remarks>Types below 0x8000 are comprehension-required; a receiver must reject a request carrying one it does not know.</remarks>
internal enum StunAttributeType : ushort
{
    /// <summary>MAPPED-ADDRESS.</summary>
    MappedAddress = 0x0001,

    /// <summary>USERNAME.</summary>
    Username = 0x0006,

    /// <summary>MESSAGE-INTEGRITY (HMAC-SHA1).</summary>
    MessageIntegrity = 0x0008,

    /// <summary>ERROR-CODE.</summary>
    ErrorCode = 0x0009,

    /// <summary>UNKNOWN-ATTRIBUTES.</summary>
    UnknownAttributes = 0x000A,

    /// <summary>CHANNEL-NUMBER (TURN).</summary>
    ChannelNumber = 0x000C,

    /// <summary>LIFETIME (TURN).</summary>
    Lifetime = 0x000D,

    /// <summary>XOR-PEER-ADDRESS (TURN).</summary>
    XorPeerAddress = 0x0012,

    /// <summary>DATA (TURN).</summary>
    Data = 0x0013,

    /// <summary>REALM.</summary>
    Realm = 0x0014,

    /// <summary>NONCE.</summary>
    Nonce = 0x0015,

    /// <summary>XOR-RELAYED-ADDRESS (TURN).</summary>
    XorRelayedAddress = 0x0016,

    /// <summary>REQUESTED-TRANSPORT (TURN).</summary>
    RequestedTransport = 0x0019,

    /// <summary>MESSAGE-INTEGRITY-SHA256.</summary>
    MessageIntegritySha256 = 0x001C,

    /// <summary>XOR-MAPPED-ADDRESS.</summary>
    XorMappedAddress = 0x0020,

    /// <summary>PRIORITY (ICE).</summary>
    Priority = 0x0024,

    /// <summary>USE-CANDIDATE (ICE).</summary>
    UseCandidate = 0x0025,

    /// <summary>SOFTWARE.</summary>
    Software = 0x8022,

    /// <summary>ALTERNATE-SERVER.</summary>
    AlternateServer = 0x8023,

    /// <summary>FINGERPRINT.</summary>
    Fingerprint = 0x8028,

    /// <summary>ICE-CONTROLLED.</summary>
    IceControlled = 0x8029,

    /// <summary>ICE-CONTROLLING.</summary>
    IceControlling = 0x802A,
}
