namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>Where a frame handed to the speaker came from.</summary>
internal enum PlayoutFrameKind
{
    /// <summary>Nothing to play yet (before the first packet, while buffering, or on hold): silence.</summary>
    Silence,

    /// <summary>Decoded from the packet that carries it.</summary>
    Decoded,

    /// <summary>Rebuilt from the forward error correction in the next packet.</summary>
    ForwardErrorCorrected,

    /// <summary>Made up by the decoder's loss concealment.</summary>
    Concealed,

    /// <summary>Comfort noise after an RFC 3389 CN packet.</summary>
    ComfortNoise,
}
