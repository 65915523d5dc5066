namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>Outcome of protecting or unprotecting one packet.</summary>
internal enum SrtpStatus
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>Too short, wrong version, or a header that does not fit; dropped.</summary>
    Malformed,

    /// <summary>The authentication tag is wrong; dropped and no state changed.</summary>
    AuthenticationFailed,

    /// <summary>The packet index was already accepted, or is older than the replay window; dropped.</summary>
    Replayed,

    /// <summary>The destination has no room for the tag (and, for SRTCP, the index).</summary>
    BufferTooSmall,

    /// <summary>A new SSRC arrived while the context already tracks its maximum number of streams.</summary>
    TooManyStreams,
}
