namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>What a batch of records sent between two waits is, for the retransmission timer.</summary>
internal enum DtlsFlightKind
{
    /// <summary>No handshake record (nothing sent, or only alerts and application data).</summary>
    None,

    /// <summary>The next flight of the handshake.</summary>
    New,

    /// <summary>The last flight again.</summary>
    Repeated,
}
