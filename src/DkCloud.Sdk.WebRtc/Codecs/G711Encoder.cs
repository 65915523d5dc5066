using System;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>G.711 at 8 kHz, 20 ms frames of 160 samples, over <see cref="MuLaw"/> or <see cref="ALaw"/>.</summary>
internal sealed class G711Encoder : IAudioEncoder
{
    private readonly G711Law _law;

    /// <summary>Creates an encoder for <paramref name="law"/>.</summary>
    public G711Encoder(G711Law law)
    {
        _law = law;
    }

    /// <inheritdoc/>
    public string EncodingName => _law == G711Law.MuLaw ? "PCMU" : "PCMA";

    /// <inheritdoc/>
    public int SampleRate => 8000;

    /// <inheritdoc/>
    public int ClockRate => 8000;

    /// <inheritdoc/>
    public int FrameSamples => 160;

    /// <inheritdoc/>
    public int FrameTimestampSpan => 160;

    /// <inheritdoc/>
    public int MaxPayloadSize => 160;

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<short> frame, Span<byte> payload)
        => _law == G711Law.MuLaw ? MuLaw.Encode(frame, payload) : ALaw.Encode(frame, payload);
}
