using System;
using System.Globalization;
using NAudio.Wave;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// The interleaved format a sound device delivers or expects: rate, channels and sample encoding. Built from the
/// device's mix format; only formats whose 20 ms is a whole number of samples are taken, so the call's resampler can
/// work frame by frame.
/// </summary>
internal sealed class DeviceSampleFormat
{
    /// <summary>Highest device rate taken, in hertz.</summary>
    public const int MaximumSampleRate = 384000;

    /// <summary>Creates a format.</summary>
    public DeviceSampleFormat(int sampleRate, int channels, DeviceSampleEncoding encoding)
    {
        if (sampleRate <= 0 || sampleRate % 50 != 0 || sampleRate > MaximumSampleRate)
        {
            throw new NotSupportedException("A device rate of " + sampleRate.ToString(CultureInfo.InvariantCulture) + " Hz is not supported: it must be a multiple of 50 Hz up to 384 kHz.");
        }

        if (channels <= 0 || channels > 32)
        {
            throw new NotSupportedException("A device with " + channels.ToString(CultureInfo.InvariantCulture) + " channels is not supported.");
        }

        SampleRate = sampleRate;
        Channels = channels;
        Encoding = encoding;
        BytesPerSample = encoding switch
        {
            DeviceSampleEncoding.Pcm16 => 2,
            DeviceSampleEncoding.Pcm24 => 3,
            _ => 4,
        };
        BlockAlign = BytesPerSample * channels;
    }

    /// <summary>Sample rate in hertz.</summary>
    public int SampleRate { get; }

    /// <summary>Interleaved channels.</summary>
    public int Channels { get; }

    /// <summary>Sample encoding.</summary>
    public DeviceSampleEncoding Encoding { get; }

    /// <summary>Bytes of one sample of one channel.</summary>
    public int BytesPerSample { get; }

    /// <summary>Bytes of one sample of every channel.</summary>
    public int BlockAlign { get; }

    /// <summary>Samples per channel in 20 ms.</summary>
    public int SamplesPerFrame => SampleRate / 50;

    /// <summary>Reads a device's wave format (plain or extensible PCM, or 32-bit float).</summary>
    /// <exception cref="NotSupportedException">Another encoding, depth, rate or channel count.</exception>
    public static DeviceSampleFormat FromWaveFormat(WaveFormat format)
    {
        if (format is null)
        {
            throw new ArgumentNullException(nameof(format));
        }

        WaveFormat standard = format.AsStandardWaveFormat();
        DeviceSampleEncoding? encoding = (standard.Encoding, standard.BitsPerSample) switch
        {
            (WaveFormatEncoding.Pcm, 16) => DeviceSampleEncoding.Pcm16,
            (WaveFormatEncoding.Pcm, 24) => DeviceSampleEncoding.Pcm24,
            (WaveFormatEncoding.Pcm, 32) => DeviceSampleEncoding.Pcm32,
            (WaveFormatEncoding.IeeeFloat, 32) => DeviceSampleEncoding.Float32,
            _ => null,
        };
        if (encoding is null)
        {
            throw new NotSupportedException("The device format '" + format + "' is not supported: 16, 24 or 32-bit PCM or 32-bit float only.");
        }

        return new DeviceSampleFormat(standard.SampleRate, standard.Channels, encoding.Value);
    }

    /// <inheritdoc/>
    public override string ToString()
        => SampleRate.ToString(CultureInfo.InvariantCulture) + " Hz, " + Channels.ToString(CultureInfo.InvariantCulture) + " ch, " + Encoding;
}
