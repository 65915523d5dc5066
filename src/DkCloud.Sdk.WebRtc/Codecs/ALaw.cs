using System;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>G.711 A-law (RTP payload type 8, PCMA), as the ITU-T G.191 reference computes it.</summary>
internal static class ALaw
{
    private static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>Encodes one 16-bit linear sample.</summary>
    public static byte Encode(short sample)
    {
        int magnitude = (sample < 0 ? ~sample : sample) >> 4;
        if (magnitude > 15)
        {
            int exponent = 1;
            while (magnitude > 31)
            {
                magnitude >>= 1;
                exponent++;
            }

            magnitude = magnitude - 16 + (exponent << 4);
        }

        if (sample >= 0)
        {
            magnitude |= 0x80;
        }

        return (byte)(magnitude ^ 0x55);
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
            int value = code ^ 0x55;
            int exponent = (value & 0x7F) >> 4;
            int mantissa = value & 0xF;
            if (exponent > 0)
            {
                mantissa += 16;
            }

            mantissa = (mantissa << 4) + 8;
            if (exponent > 1)
            {
                mantissa <<= exponent - 1;
            }

            table[code] = (short)(value > 127 ? mantissa : -mantissa);
        }

        return table;
    }
}
