using System;
using Concentus;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>Opus decoder at 48 kHz mono; conceals with in-band FEC from the next packet when it can, PLC otherwise.</summary>
internal sealed class OpusAudioDecoder : IAudioDecoder
{
    private const int Rate = 48000;
    private const int Frame = 960;
    private const int MaxSamples = 5760;
    private readonly IOpusDecoder _decoder;

    /// <summary>Creates a decoder.</summary>
    public OpusAudioDecoder()
    {
        _decoder = OpusCodecFactory.CreateDecoder(Rate, 1);
    }

    /// <inheritdoc/>
    public string EncodingName => "opus";

    /// <inheritdoc/>
    public int SampleRate => Rate;

    /// <inheritdoc/>
    public int ClockRate => Rate;

    /// <inheritdoc/>
    public int FrameSamples => Frame;

    /// <inheritdoc/>
    public bool SupportsForwardErrorCorrection => true;

    /// <inheritdoc/>
    public int MaxDecodedSamples => MaxSamples;

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if (payload.IsEmpty)
        {
            return 0;
        }

        try
        {
            return _decoder.Decode(payload, pcm, Math.Min(pcm.Length, MaxSamples), false);
        }
        catch (OpusException)
        {
            return 0;
        }
        catch (ArgumentException)
        {
            return 0;
        }
    }

    /// <inheritdoc/>
    public bool Conceal(ReadOnlySpan<byte> nextPayload, Span<short> pcm)
    {
        if (!nextPayload.IsEmpty)
        {
            try
            {
                // The FEC and PLC cases need exactly the missing duration (Concentus docs on frame_size).
                int recovered = _decoder.Decode(nextPayload, pcm.Slice(0, Frame), Frame, true);
                if (recovered == Frame)
                {
                    return true;
                }
            }
            catch (OpusException)
            {
            }
            catch (ArgumentException)
            {
            }
        }

        _decoder.Decode(ReadOnlySpan<byte>.Empty, pcm.Slice(0, Frame), Frame, false);
        return false;
    }

    /// <inheritdoc/>
    public void Reset() => _decoder.ResetState();
}
