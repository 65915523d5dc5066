namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>Why a session description was rejected. Callers switch on this value, never on message text.</summary>
public enum SdpRejectReason
{
    /// <summary>The description does not start with <c>v=</c>, or <c>v=</c> appears again (RFC 8866 §5).</summary>
    VersionNotFirst = 1,
    /// <summary><c>v=</c> is not 0.</summary>
    UnsupportedVersion,
    /// <summary>A line is not <c>&lt;type&gt;=&lt;value&gt;</c> with a single lower-case letter type.</summary>
    InvalidLine,
    /// <summary>A session-level line is out of the order RFC 8866 §5 requires, or a required one (o=, s=, t=) is missing.</summary>
    InvalidLineOrder,
    /// <summary>The <c>o=</c> line does not have its six fields.</summary>
    InvalidOrigin,
    /// <summary>A <c>c=</c> line does not have its three fields.</summary>
    InvalidConnection,
    /// <summary>A <c>t=</c> line does not hold two numbers.</summary>
    InvalidTiming,
    /// <summary>An <c>m=</c> line lacks media, port, protocol or at least one format.</summary>
    InvalidMedia,
    /// <summary>A port is not a number in 0-65535.</summary>
    PortOutOfRange,
    /// <summary>An RTP payload type is not a number in 0-127.</summary>
    InvalidPayloadType,
    /// <summary>An attribute value (rtpmap, fmtp, candidate, fingerprint, setup, ssrc…) is malformed.</summary>
    InvalidAttribute,
    /// <summary>The description is empty or larger than the limit.</summary>
    InvalidSize,
}
