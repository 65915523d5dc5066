using System;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>Encodes 20 ms frames of mono 16-bit PCM at <see cref="SampleRate"/> into RTP payloads.</summary>
/// <remarks>Not thread-safe: one send path owns an encoder.</remarks>
internal interface IAudioEncoder
{
    /// <summary>The encoding name as negotiated in SDP (PCMU, PCMA, opus).</summary>
    string EncodingName { get; }

    /// <summary>Sample rate of the PCM the encoder takes, in hertz.</summary>
    int SampleRate { get; }

    /// <summary>RTP timestamp rate of the payloads.</summary>
    int ClockRate { get; }

    /// <summary>Samples in one frame at <see cref="SampleRate"/>.</summary>
    int FrameSamples { get; }

    /// <summary>RTP timestamp units covered by one frame.</summary>
    int FrameTimestampSpan { get; }

    /// <summary>Largest payload one frame can produce, in bytes.</summary>
    int MaxPayloadSize { get; }

    /// <summary>Encodes one frame of <see cref="FrameSamples"/> samples.</summary>
    /// <returns>The payload length; 0 when the encoder chose not to send this frame (discontinuous transmission).</returns>
    int Encode(ReadOnlySpan<short> frame, Span<byte> payload);
}
