using System;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>
/// Comfort noise for RFC 3389: white noise at the level a CN payload's first byte gives in -dBov (0 dBov being the RMS
/// of a full-scale square wave), gently low-passed so it sounds like a quiet line rather than hiss.
/// </summary>
internal sealed class ComfortNoiseGenerator
{
    private uint _state;
    private double _previous;

    /// <summary>Creates a generator with a fixed seed, so the output is reproducible.</summary>
    public ComfortNoiseGenerator(uint seed = 0x9E3779B9)
    {
        _state = seed == 0 ? 1u : seed;
    }

    /// <summary>The level of a CN payload (its first byte, 0-127, in -dBov); 127 when the payload is empty.</summary>
    public static int ReadLevel(ReadOnlySpan<byte> payload) => payload.IsEmpty ? 127 : payload[0] & 0x7F;

    /// <summary>Fills <paramref name="frame"/> with noise at <paramref name="levelMinusDbov"/>.</summary>
    public void Fill(Span<short> frame, int levelMinusDbov)
    {
        // Uniform noise in [-1, 1) has RMS 1/sqrt(3), and the one-pole smoother below keeps 1/sqrt(3) of that.
        double rms = 32768.0 * Math.Pow(10, -levelMinusDbov / 20.0);
        double scale = rms * 3;
        for (int i = 0; i < frame.Length; i++)
        {
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            double white = (_state / 2147483648.0) - 1.0;
            _previous = (0.5 * white) + (0.5 * _previous);
            double value = _previous * scale;
            frame[i] = (short)Math.Max(short.MinValue, Math.Min(short.MaxValue, Math.Round(value)));
        }
    }
}
