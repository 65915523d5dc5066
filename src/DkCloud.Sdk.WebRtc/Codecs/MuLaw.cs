using System;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>
/// G.711 mu-law (RTP payload type 0, PCMU). Encoding follows the ITU-T G.191 reference: the 14-bit magnitude of a
/// negative sample is taken as its one's complement, so inputs at a decision boundary round as the reference does.
/// </summary>
internal static class MuLaw
{
    private const int Bias = 33;
    private const int MaxMagnitude = 0x1FFF;
    private static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>Encodes one 16-bit linear sample.</summary>
    public static byte Encode(short sample)
    {
        int magnitude = (sample < 0 ? ~sample : sample) >> 2;
        magnitude += Bias;
        if (magnitude > MaxMagnitude)
        {
            magnitude = MaxMagnitude;
        }

        int segment = 1;
        for (int rest = magnitude >> 6; rest != 0; rest >>= 1)
        {
            segment++;
        }

        int high = 8 - segment;
        int low = 0xF - ((magnitude >> segment) & 0xF);
        int code = (high << 4) | low;
        if (sample >= 0)
        {
            code |= 0x80;
        }

        return (byte)code;
    }

    /// <summary>Decodes one code to a 16-bit linear sample.</summary>
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes <paramref name="samples"/> into <paramref name="codes"/> (one byte per sample).</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (codes.Length < samples.Length)
        {
            throw new ArgumentException("Destination shorter than the source.", nameof(codes));
        }

        for (int i = 0; i < samples.Length; i++)
        {
            codes[i] = Encode(samples[i]);
        }

        return samples.Length;
    }

    /// <summary>Decodes <paramref name="codes"/> into <paramref name="samples"/>.</summary>
    /// <returns>The number of samples written.</returns>
    public static int Decode(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (samples.Length < codes.Length)
        {
            throw new ArgumentException("Destination shorter than the source.", nameof(samples));
        }

        short[] table = DecodeTable;
        for (int i = 0; i < codes.Length; i++)
        {
            samples[i] = table[codes[i]];
        }

        return codes.Length;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (int code = 0; code < 256; code++)
        {
            int inverted = ~code & 0xFF;
            int exponent = (inverted >> 4) & 0x7;
            int mantissa = inverted & 0xF;
            int step = 4 << (exponent + 1);
            int magnitude = (0x80 << exponent) + (step * mantissa) + (step / 2) - (4 * Bias);
            table[code] = (short)(code < 0x80 ? -magnitude : magnitude);
        }

        return table;
    }
}
