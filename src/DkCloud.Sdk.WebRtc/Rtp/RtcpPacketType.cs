namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>RTCP packet types (RFC 3550, RFC 4585).</summary>
internal enum RtcpPacketType : byte
{
    /// <summary>Sender report.</summary>
    SenderReport = 200,

    /// <summary>Receiver report.</summary>
    ReceiverReport = 201,

    /// <summary>Source description.</summary>
    SourceDescription = 202,

    /// <summary>Goodbye.</summary>
    Bye = 203,

    /// <summary>Application-defined.</summary>
    App = 204,

    /// <summary>Transport-layer feedback.</summary>
    TransportFeedback = 205,

    /// <summary>Payload-specific feedback.</summary>
    PayloadFeedback = 206,
}
