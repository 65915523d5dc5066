using System;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>Decodes RTP payloads to mono 16-bit PCM at <see cref="SampleRate"/>, and conceals lost frames.</summary>
/// <remarks>Not thread-safe: one playout path owns a decoder.</remarks>
internal interface IAudioDecoder
{
    /// <summary>The encoding name as negotiated in SDP.</summary>
    string EncodingName { get; }

    /// <summary>Sample rate of the PCM produced, in hertz.</summary>
    int SampleRate { get; }

    /// <summary>RTP timestamp rate of the payloads.</summary>
    int ClockRate { get; }

    /// <summary>Samples in one 20 ms frame at <see cref="SampleRate"/>.</summary>
    int FrameSamples { get; }

    /// <summary>True when <see cref="Conceal"/> can rebuild a lost frame from the next packet (in-band FEC).</summary>
    bool SupportsForwardErrorCorrection { get; }

    /// <summary>Largest number of samples one payload can decode to.</summary>
    int MaxDecodedSamples { get; }

    /// <summary>Decodes a payload into <paramref name="pcm"/>.</summary>
    /// <returns>Samples written, or 0 when the payload is not valid for this codec.</returns>
    int Decode(ReadOnlySpan<byte> payload, Span<short> pcm);

    /// <summary>
    /// Produces one frame (<see cref="FrameSamples"/> samples) in place of a lost one: from the forward error correction
    /// carried by <paramref name="nextPayload"/> when it is not empty and the codec supports it, by packet loss
    /// concealment otherwise.
    /// </summary>
    /// <returns>True when the frame came from forward error correction.</returns>
    bool Conceal(ReadOnlySpan<byte> nextPayload, Span<short> pcm);

    /// <summary>Forgets all state (a new stream starts).</summary>
    void Reset();
}
