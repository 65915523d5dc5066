using System;
using System.Runtime.InteropServices;
using DkCloud.Sdk.WebRtc.Audio.Devices.Windows;
using DkCloud.Sdk.WebRtc.Codecs;
using NAudio.Wave;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public class DeviceFormatConversionTests
{
    /// <summary>Where a 1 kHz tone would land if the 44.1/48 kHz rate change were skipped.</summary>
    private const double UnconvertedCapture = 1000.0 * 48000 / 44100;
    private const double UnconvertedRender = 1000.0 * 44100 / 48000;

    public static TheoryData<WaveFormat, string, int, int, int> KnownFormats => new()
    {
        { WaveFormat.CreateIeeeFloatWaveFormat(44100, 2), nameof(DeviceSampleEncoding.Float32), 44100, 2, 8 },
        { new WaveFormatExtensible(48000, 32, 2), nameof(DeviceSampleEncoding.Float32), 48000, 2, 8 },
        { new WaveFormatExtensible(48000, 24, 2), nameof(DeviceSampleEncoding.Pcm24), 48000, 2, 6 },
        { new WaveFormatExtensible(96000, 16, 6), nameof(DeviceSampleEncoding.Pcm16), 96000, 6, 12 },
        { new WaveFormat(16000, 16, 1), nameof(DeviceSampleEncoding.Pcm16), 16000, 1, 2 },
        { new WaveFormat(48000, 32, 2), nameof(DeviceSampleEncoding.Pcm32), 48000, 2, 8 },
    };

    [Theory]
    [MemberData(nameof(KnownFormats))]
    public void DeviceMixFormatsAreRead(WaveFormat format, string encoding, int rate, int channels, int blockAlign)
    {
        DeviceSampleFormat read = DeviceSampleFormat.FromWaveFormat(format);
        Assert.Equal(encoding, read.Encoding.ToString());
        Assert.Equal(rate, read.SampleRate);
        Assert.Equal(channels, read.Channels);
        Assert.Equal(blockAlign, read.BlockAlign);
        Assert.Equal(rate / 50, read.SamplesPerFrame);
    }

    [Fact]
    public void FormatsThatCannotBeConvertedAreRefused()
    {
        Assert.Throws<NotSupportedException>(() => DeviceSampleFormat.FromWaveFormat(new WaveFormat(8000, 8, 1)));
        Assert.Throws<NotSupportedException>(() => DeviceSampleFormat.FromWaveFormat(new WaveFormat(11025, 16, 2)));
        Assert.Throws<NotSupportedException>(() => DeviceSampleFormat.FromWaveFormat(WaveFormat.CreateALawFormat(8000, 1)));
        Assert.Throws<NotSupportedException>(() => DeviceSampleFormat.FromWaveFormat(WaveFormat.CreateIeeeFloatWaveFormat(768000, 2)));
    }

    [Fact]
    public void FloatStereoIsAveragedScaledRoundedAndClamped()
    {
        var format = new DeviceSampleFormat(48000, 2, DeviceSampleEncoding.Float32);
        float[] samples = { 0.5f, 0.25f, 1f, 1f, -1f, -1f, 2f, 2f, 0.5f, -0.5f, 10f / 65536, 0f, -0.75f, -0.25f };
        var mono = new short[7];
        Assert.Equal(7, InterleavedPcm.Downmix(MemoryMarshal.AsBytes(samples.AsSpan()), format, mono));
        Assert.Equal(new short[] { 12288, 32767, -32768, 32767, 0, 2, -16384 }, mono);
    }

    [Fact]
    public void IntegerSamplesKeepTheirTopSixteenBits()
    {
        var pcm16 = new DeviceSampleFormat(8000, 2, DeviceSampleEncoding.Pcm16);
        short[] pairs = { 1000, 2000, 1, 2, 2, 3, -1, -2, short.MaxValue, short.MaxValue };
        var mono = new short[5];
        InterleavedPcm.Downmix(MemoryMarshal.AsBytes(pairs.AsSpan()), pcm16, mono);
        Assert.Equal(new short[] { 1500, 2, 2, -2, short.MaxValue }, mono);

        var pcm24 = new DeviceSampleFormat(8000, 2, DeviceSampleEncoding.Pcm24);
        byte[] packed = { 0x00, 0xFF, 0x7F, 0x00, 0x01, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80 };
        InterleavedPcm.Downmix(packed, pcm24, mono.AsSpan(0, 2));
        Assert.Equal(16384, mono[0]);
        Assert.Equal(-32768, mono[1]);

        var pcm32 = new DeviceSampleFormat(8000, 1, DeviceSampleEncoding.Pcm32);
        int[] wide = { 0x40000000, int.MinValue, 0x00018000 };
        InterleavedPcm.Downmix(MemoryMarshal.AsBytes(wide.AsSpan()), pcm32, mono.AsSpan(0, 3));
        Assert.Equal(new short[] { 16384, -32768, 2 }, mono.AsSpan(0, 3).ToArray());
    }

    [Fact]
    public void RenderCopiesMonoIntoEveryChannel()
    {
        short[] mono = { 16384, -32768, 0x1234 };

        var floats = new float[6];
        InterleavedPcm.Upmix(mono, new DeviceSampleFormat(48000, 2, DeviceSampleEncoding.Float32), MemoryMarshal.AsBytes(floats.AsSpan()));
        Assert.Equal(new[] { 0.5f, 0.5f, -1f, -1f, 0x1234 / 32768f, 0x1234 / 32768f }, floats);

        var packed = new byte[9];
        InterleavedPcm.Upmix(mono, new DeviceSampleFormat(48000, 1, DeviceSampleEncoding.Pcm24), packed);
        Assert.Equal(new byte[] { 0x00, 0x00, 0x40, 0x00, 0x00, 0x80, 0x00, 0x34, 0x12 }, packed);

        var wide = new int[3];
        InterleavedPcm.Upmix(mono, new DeviceSampleFormat(48000, 1, DeviceSampleEncoding.Pcm32), MemoryMarshal.AsBytes(wide.AsSpan()));
        Assert.Equal(new[] { 0x40000000, int.MinValue, 0x12340000 }, wide);

        var six = new short[18];
        InterleavedPcm.Upmix(mono, new DeviceSampleFormat(48000, 6, DeviceSampleEncoding.Pcm16), MemoryMarshal.AsBytes(six.AsSpan()));
        Assert.All(six.AsSpan(0, 6).ToArray(), s => Assert.Equal(16384, s));
        Assert.All(six.AsSpan(12, 6).ToArray(), s => Assert.Equal(0x1234, s));
    }

    [Theory]
    [InlineData(nameof(DeviceSampleEncoding.Pcm16))]
    [InlineData(nameof(DeviceSampleEncoding.Pcm24))]
    [InlineData(nameof(DeviceSampleEncoding.Pcm32))]
    [InlineData(nameof(DeviceSampleEncoding.Float32))]
    public void EverySixteenBitValueSurvivesRenderThenCapture(string encoding)
    {
        var format = new DeviceSampleFormat(48000, 2, Enum.Parse<DeviceSampleEncoding>(encoding));
        var all = new short[65536];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = (short)(i + short.MinValue);
        }

        var bytes = new byte[all.Length * format.BlockAlign];
        InterleavedPcm.Upmix(all, format, bytes);
        var back = new short[all.Length];
        Assert.Equal(all.Length, InterleavedPcm.Downmix(bytes, format, back));
        Assert.Equal(all, back);
    }

    [Fact]
    public void FloatStereoAt44100BecomesMonoFramesAt48000WithTheToneKept()
    {
        // One second of a 1 kHz tone at 0.6 left and 0.4 right (0.5 once averaged), in packets that split samples.
        var format = WaveFormat.CreateIeeeFloatWaveFormat(44100, 2);
        var interleaved = new float[44100 * 2];
        for (int n = 0; n < 44100; n++)
        {
            double tone = Math.Sin(2 * Math.PI * 1000 * n / 44100);
            interleaved[2 * n] = (float)(0.6 * tone);
            interleaved[(2 * n) + 1] = (float)(0.4 * tone);
        }

        var converter = new CaptureConverter(DeviceSampleFormat.FromWaveFormat(format), 48000);
        var queue = new BoundedSampleBuffer(48000);
        byte[] bytes = MemoryMarshal.AsBytes(interleaved.AsSpan()).ToArray();
        int frames = 0;
        for (int offset = 0; offset < bytes.Length; offset += 1001)
        {
            frames += converter.Push(bytes.AsSpan(offset, Math.Min(1001, bytes.Length - offset)), queue);
        }

        Assert.Equal(50, frames);
        Assert.Equal(50, converter.FramesProduced);
        Assert.Equal(48000, queue.Count);
        Assert.Equal(0, queue.SamplesDropped);

        var tone1000 = new ToneDetector(1000, 48000);
        var unconverted = new ToneDetector(UnconvertedCapture, 48000);
        var frame = new short[960];
        for (int i = 0; i < 50; i++)
        {
            Assert.True(queue.TryReadExactly(frame));
            if (i < 2)
            {
                continue; // the resampler's delay line is still filling
            }

            ToneLevel level = tone1000.Measure(frame);
            Assert.True(tone1000.IsPresent(frame), "frame " + i);
            Assert.InRange(level.Amplitude, 0.49, 0.51);
            Assert.InRange(level.ShareOfPower, 0.99, 1.0);
            Assert.False(unconverted.IsPresent(frame), "frame " + i);
        }

        Assert.False(queue.TryReadExactly(frame));
    }

    [Fact]
    public void MonoSixteenBitAtTheCallRateIsPassedThroughUnchanged()
    {
        var converter = new CaptureConverter(new DeviceSampleFormat(48000, 1, DeviceSampleEncoding.Pcm16), 48000);
        var queue = new BoundedSampleBuffer(4800);
        var samples = new short[960];
        new ToneGenerator(440, 48000, 0.8).Fill(samples);
        byte[] bytes = MemoryMarshal.AsBytes(samples.AsSpan()).ToArray();

        Assert.Equal(0, converter.Push(bytes.AsSpan(0, 961), queue));
        Assert.Equal(0, queue.Count);
        Assert.Equal(1, converter.Push(bytes.AsSpan(961), queue));

        var frame = new short[960];
        Assert.True(queue.TryReadExactly(frame));
        Assert.Equal(samples, frame);
    }

    [Fact]
    public void MonoFramesAt48000BecomeFloatStereoAt44100WithTheToneKept()
    {
        var stream = new RenderStream(48000, WaveFormat.CreateIeeeFloatWaveFormat(44100, 2), 200);
        var generator = new ToneGenerator(1000, 48000, 0.5);
        var tone1000 = new ToneDetector(1000, 44100);
        var unconverted = new ToneDetector(UnconvertedRender, 44100);
        var frame = new short[960];
        var pulled = new byte[882 * 8];
        var left = new short[882];
        for (int i = 0; i < 50; i++)
        {
            generator.Fill(frame);
            stream.WriteFrame(frame);
            Assert.Equal(pulled.Length, stream.Read(pulled, 0, pulled.Length));

            ReadOnlySpan<float> floats = MemoryMarshal.Cast<byte, float>(pulled);
            for (int n = 0; n < 882; n++)
            {
                Assert.Equal(floats[2 * n], floats[(2 * n) + 1]);
                left[n] = InterleavedPcm.ToInt16(floats[2 * n] * 32768.0);
            }

            if (i < 2)
            {
                continue;
            }

            ToneLevel level = tone1000.Measure(left);
            Assert.True(tone1000.IsPresent(left), "frame " + i);
            Assert.InRange(level.Amplitude, 0.49, 0.51);
            Assert.False(unconverted.IsPresent(left), "frame " + i);
        }

        Assert.Equal(50 * 882, stream.Buffer.SamplesWritten);
        Assert.Equal(50 * 882, stream.Buffer.SamplesRead);
        Assert.Equal(0, stream.Buffer.SamplesDropped);
        Assert.Equal(0, stream.Buffer.Underruns);
    }
}
