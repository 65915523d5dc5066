using System;
using System.IO;
using System.Runtime.InteropServices;
using DkCloud.Sdk.WebRtc.Audio.Devices.Windows;
using DkCloud.Sdk.WebRtc.Codecs;
using NAudio.Wave;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public class DeviceStreamTests
{
    [Fact]
    public void CaptureHandsOutOnlyWholeFramesAndSilenceOtherwise()
    {
        var stream = new CaptureStream(new DeviceSampleFormat(48000, 1, DeviceSampleEncoding.Pcm16), 48000, 100);
        var frame = new short[960];
        Assert.False(stream.ReadFrame(frame));
        Assert.Equal(new short[960], frame);
        Assert.Equal(1, stream.Buffer.Underruns);

        var captured = new short[960];
        new ToneGenerator(1000, 48000).Fill(captured);
        stream.Deliver(MemoryMarshal.AsBytes(captured.AsSpan()));
        Assert.True(stream.ReadFrame(frame));
        Assert.Equal(captured, frame);
        Assert.Throws<ArgumentException>(() => stream.ReadFrame(new short[160]));
    }

    [Fact]
    public void CaptureKeepsAtMostItsCapacityDroppingTheOldest()
    {
        // 100 ms at 48 kHz: five frames; the device delivers eight before the media thread reads.
        var stream = new CaptureStream(new DeviceSampleFormat(48000, 1, DeviceSampleEncoding.Pcm16), 48000, 100);
        var packet = new short[960];
        for (short i = 1; i <= 8; i++)
        {
            packet.AsSpan().Fill(i);
            stream.Deliver(MemoryMarshal.AsBytes(packet.AsSpan()));
        }

        Assert.Equal(4800, stream.Buffer.Capacity);
        Assert.Equal(3 * 960, stream.Buffer.SamplesDropped);
        var frame = new short[960];
        for (short expected = 4; expected <= 8; expected++)
        {
            Assert.True(stream.ReadFrame(frame));
            Assert.All(frame, s => Assert.Equal(expected, s));
        }

        Assert.False(stream.ReadFrame(frame));
    }

    [Fact]
    public void ALostCaptureDeviceGivesSilenceAndReportsOnce()
    {
        var stream = new CaptureStream(WaveFormatOf(48000, 2), 48000, 100);
        int lost = 0;
        stream.Lost += (_, _) => lost++;
        var packet = new float[960 * 2];
        packet.AsSpan().Fill(0.5f);
        stream.Deliver(MemoryMarshal.AsBytes(packet.AsSpan()));
        Assert.Equal(960, stream.Buffer.Count);

        var reason = new IOException("unplugged");
        Assert.True(stream.MarkLost(reason));
        Assert.False(stream.MarkLost(new IOException("again")));
        Assert.Equal(1, lost);
        Assert.True(stream.IsLost);
        Assert.Same(reason, stream.LostReason);

        stream.Deliver(MemoryMarshal.AsBytes(packet.AsSpan()));
        var frame = new short[960];
        frame.AsSpan().Fill(1);
        Assert.False(stream.ReadFrame(frame));
        Assert.Equal(new short[960], frame);
        Assert.Equal(0, stream.Buffer.Count);
    }

    [Fact]
    public void RenderUnderflowGivesSilenceAndOverflowDropsTheOldest()
    {
        // 40 ms at 44.1 kHz: 1764 samples, two device frames.
        var stream = new RenderStream(48000, new WaveFormat(44100, 16, 1), 40);
        Assert.Equal(1764, stream.Buffer.Capacity);
        var pulled = new byte[100 * 2];
        Assert.Equal(200, stream.Read(pulled, 0, pulled.Length));
        Assert.Equal(new byte[200], pulled);
        Assert.Equal(100, stream.Buffer.SamplesMissing);
        Assert.Equal(1, stream.Buffer.Underruns);

        var frame = new short[960];
        for (int i = 0; i < 5; i++)
        {
            stream.WriteFrame(frame);
        }

        Assert.Equal(5 * 882, stream.Buffer.SamplesWritten);
        Assert.Equal((5 * 882) - 1764, stream.Buffer.SamplesDropped);
        Assert.Equal(3, stream.Buffer.Overflows);
        Assert.Equal(1764, stream.Buffer.Count);
    }

    [Fact]
    public void RenderAlwaysFillsWholeBlocksOfTheRequest()
    {
        var stream = new RenderStream(48000, WaveFormat.CreateIeeeFloatWaveFormat(48000, 2), 100);
        var pulled = new byte[1000];
        Assert.Equal(1000, stream.Read(pulled, 0, 1000));
        Assert.Equal(992, stream.Read(pulled, 0, 999));
        Assert.Equal(800, stream.Read(pulled, 200, 1000));
        Assert.Equal(0, stream.Read(pulled, 0, 7));
        Assert.Same(stream.WaveFormat, stream.WaveFormat);
        Assert.Equal(48000, stream.WaveFormat.SampleRate);
    }

    [Fact]
    public void ALostRenderDeviceAcceptsFramesAndGivesSilence()
    {
        var stream = new RenderStream(48000, WaveFormat.CreateIeeeFloatWaveFormat(48000, 2), 100);
        int lost = 0;
        stream.Lost += (_, _) => lost++;
        var frame = new short[960];
        frame.AsSpan().Fill(1000);
        stream.WriteFrame(frame);

        Assert.True(stream.MarkLost(new IOException("unplugged")));
        Assert.False(stream.MarkLost(new IOException("again")));
        Assert.Equal(1, lost);
        stream.WriteFrame(frame);
        stream.WriteFrame(frame);
        Assert.Equal(2, stream.FramesDiscarded);

        var pulled = new byte[960 * 8];
        pulled.AsSpan().Fill(0xAA);
        Assert.Equal(pulled.Length, stream.Read(pulled, 0, pulled.Length));
        Assert.Equal(new byte[pulled.Length], pulled);
    }

    private static DeviceSampleFormat WaveFormatOf(int rate, int channels)
        => DeviceSampleFormat.FromWaveFormat(WaveFormat.CreateIeeeFloatWaveFormat(rate, channels));
}
