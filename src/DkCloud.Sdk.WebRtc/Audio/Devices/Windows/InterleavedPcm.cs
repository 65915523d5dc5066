using System;
using System.Runtime.InteropServices;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// Converts between a device's interleaved samples and the call's mono 16-bit samples at the same rate. Capture
/// averages the channels; render copies the mono sample into every channel. Floats are scaled by 32768, rounded to
/// the nearest integer (halves to even) and clamped; 24 and 32-bit integers keep their top 16 bits on capture and are
/// shifted up on render, so 16-bit audio passes both ways unchanged.
/// </summary>
internal static class InterleavedPcm
{
    private const float FloatScale = 32768f;

    /// <summary>
    /// Downmixes whole device blocks from <paramref name="source"/> into <paramref name="destination"/>.
    /// </summary>
    /// <returns>Samples written: <paramref name="source"/> length / block align.</returns>
    public static int Downmix(ReadOnlySpan<byte> source, DeviceSampleFormat format, Span<short> destination)
    {
        int blocks = source.Length / format.BlockAlign;
        if (blocks > destination.Length)
        {
            throw new ArgumentException("The destination is too short.", nameof(destination));
        }

        source = source.Slice(0, blocks * format.BlockAlign);
        int channels = format.Channels;
        switch (format.Encoding)
        {
            case DeviceSampleEncoding.Pcm16:
                DownmixPcm16(MemoryMarshal.Cast<byte, short>(source), channels, destination);
                break;
            case DeviceSampleEncoding.Pcm24:
                DownmixPcm24(source, channels, destination);
                break;
            case DeviceSampleEncoding.Pcm32:
                DownmixPcm32(MemoryMarshal.Cast<byte, int>(source), channels, destination);
                break;
            default:
                DownmixFloat(MemoryMarshal.Cast<byte, float>(source), channels, destination);
                break;
        }

        return blocks;
    }

    /// <summary>
    /// Writes each mono sample of <paramref name="source"/> into every channel of one device block of
    /// <paramref name="destination"/>, which holds at least <paramref name="source"/> length × block align bytes.
    /// </summary>
    public static void Upmix(ReadOnlySpan<short> source, DeviceSampleFormat format, Span<byte> destination)
    {
        int length = source.Length * format.BlockAlign;
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is too short.", nameof(destination));
        }

        destination = destination.Slice(0, length);
        int channels = format.Channels;
        switch (format.Encoding)
        {
            case DeviceSampleEncoding.Pcm16:
                UpmixPcm16(source, channels, MemoryMarshal.Cast<byte, short>(destination));
                break;
            case DeviceSampleEncoding.Pcm24:
                UpmixPcm24(source, channels, destination);
                break;
            case DeviceSampleEncoding.Pcm32:
                UpmixPcm32(source, channels, MemoryMarshal.Cast<byte, int>(destination));
                break;
            default:
                UpmixFloat(source, channels, MemoryMarshal.Cast<byte, float>(destination));
                break;
        }
    }

    /// <summary>Rounds and clamps a value on the 16-bit scale.</summary>
    public static short ToInt16(double value)
    {
        if (value >= short.MaxValue)
        {
            return short.MaxValue;
        }

        if (value <= short.MinValue)
        {
            return short.MinValue;
        }

        return (short)Math.Round(value);
    }

    private static void DownmixPcm16(ReadOnlySpan<short> samples, int channels, Span<short> destination)
    {
        if (channels == 1)
        {
            samples.CopyTo(destination);
            return;
        }

        for (int block = 0, i = 0; i < samples.Length; block++)
        {
            int sum = 0;
            for (int c = 0; c < channels; c++)
            {
                sum += samples[i++];
            }

            destination[block] = ToInt16((double)sum / channels);
        }
    }

    private static void DownmixPcm24(ReadOnlySpan<byte> bytes, int channels, Span<short> destination)
    {
        for (int block = 0, i = 0; i < bytes.Length; block++)
        {
            long sum = 0;
            for (int c = 0; c < channels; c++, i += 3)
            {
                sum += bytes[i] | (bytes[i + 1] << 8) | ((sbyte)bytes[i + 2] << 16);
            }

            destination[block] = ToInt16((double)sum / (channels * 256));
        }
    }

    private static void DownmixPcm32(ReadOnlySpan<int> samples, int channels, Span<short> destination)
    {
        for (int block = 0, i = 0; i < samples.Length; block++)
        {
            long sum = 0;
            for (int c = 0; c < channels; c++)
            {
                sum += samples[i++];
            }

            destination[block] = ToInt16((double)sum / (channels * 65536.0));
        }
    }

    private static void DownmixFloat(ReadOnlySpan<float> samples, int channels, Span<short> destination)
    {
        for (int block = 0, i = 0; i < samples.Length; block++)
        {
            double sum = 0;
            for (int c = 0; c < channels; c++)
            {
                sum += samples[i++];
            }

            destination[block] = ToInt16(sum * FloatScale / channels);
        }
    }

    private static void UpmixPcm16(ReadOnlySpan<short> source, int channels, Span<short> destination)
    {
        for (int n = 0, i = 0; n < source.Length; n++)
        {
            short value = source[n];
            for (int c = 0; c < channels; c++)
            {
                destination[i++] = value;
            }
        }
    }

    private static void UpmixPcm24(ReadOnlySpan<short> source, int channels, Span<byte> destination)
    {
        for (int n = 0, i = 0; n < source.Length; n++)
        {
            short value = source[n];
            byte low = (byte)value;
            byte high = (byte)(value >> 8);
            for (int c = 0; c < channels; c++)
            {
                destination[i++] = 0;
                destination[i++] = low;
                destination[i++] = high;
            }
        }
    }

    private static void UpmixPcm32(ReadOnlySpan<short> source, int channels, Span<int> destination)
    {
        for (int n = 0, i = 0; n < source.Length; n++)
        {
            int value = source[n] << 16;
            for (int c = 0; c < channels; c++)
            {
                destination[i++] = value;
            }
        }
    }

    private static void UpmixFloat(ReadOnlySpan<short> source, int channels, Span<float> destination)
    {
        for (int n = 0, i = 0; n < source.Length; n++)
        {
            float value = source[n] / FloatScale;
            for (int c = 0; c < channels; c++)
            {
                destination[i++] = value;
            }
        }
    }
}
