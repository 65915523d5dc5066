using System;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>
/// G.711 decoder at 8 kHz. Concealment repeats the last good frame, 6 dB quieter for each further loss, and goes silent
/// after five lost frames in a row (a simple form of ITU-T G.711 Appendix I's waveform repetition).
/// </summary>
internal sealed class G711Decoder : IAudioDecoder
{
    private const int Frame = 160;
    private const int MaxConcealedFrames = 5;
    private readonly G711Law _law;
    private readonly short[] _last = new short[Frame];
    private int _concealed;

    /// <summary>Creates a decoder for <paramref name="law"/>.</summary>
    public G711Decoder(G711Law law)
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
    public int FrameSamples => Frame;

    /// <inheritdoc/>
    public bool SupportsForwardErrorCorrection => false;

    /// <inheritdoc/>
    public int MaxDecodedSamples => 960;

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if (payload.IsEmpty || payload.Length > MaxDecodedSamples || pcm.Length < payload.Length)
        {
            return 0;
        }

        int written = _law == G711Law.MuLaw ? MuLaw.Decode(payload, pcm) : ALaw.Decode(payload, pcm);
        int tail = Math.Min(Frame, written);
        _last.AsSpan().Clear();
        pcm.Slice(written - tail, tail).CopyTo(_last.AsSpan(Frame - tail));
        _concealed = 0;
        return written;
    }

    /// <inheritdoc/>
    public bool Conceal(ReadOnlySpan<byte> nextPayload, Span<short> pcm)
    {
        _concealed++;
        if (_concealed > MaxConcealedFrames)
        {
            pcm.Slice(0, Frame).Clear();
            return false;
        }

        bool attenuate = _concealed > 1;
        for (int i = 0; i < Frame; i++)
        {
            if (attenuate)
            {
                _last[i] = (short)(_last[i] >> 1);
            }

            pcm[i] = _last[i];
        }

        return false;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _last.AsSpan().Clear();
        _concealed = 0;
    }
}
