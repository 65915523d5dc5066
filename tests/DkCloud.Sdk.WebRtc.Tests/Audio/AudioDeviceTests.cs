using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Audio.Devices;
using DkCloud.Sdk.WebRtc.Codecs;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public class AudioDeviceTests
{
    [Fact]
    public void WavSinkOutputReadsBackAndLoops()
    {
        var stream = new MemoryStream();
        var written = new short[160];
        using (var sink = new WavFileSink(stream, 8000, leaveOpen: true))
        {
            new ToneGenerator(440, 8000).Fill(written);
            sink.WriteFrame(written);
            sink.WriteFrame(written);
            Assert.Equal(TimeSpan.FromMilliseconds(40), sink.Duration);
        }

        stream.Position = 0;
        using var source = new WavFileSource(stream, loop: true, leaveOpen: true);
        var read = new short[160];
        Assert.Equal(8000, source.SampleRate);
        for (int i = 0; i < 5; i++)
        {
            Assert.True(source.ReadFrame(read));
            Assert.Equal(written, read);
        }

        stream.Position = 0;
        using var once = new WavFileSource(stream, loop: false, leaveOpen: true);
        Assert.True(once.ReadFrame(read));
        Assert.True(once.ReadFrame(read));
        Assert.False(once.ReadFrame(read));
        Assert.All(read, s => Assert.Equal(0, s));
    }

    [Fact]
    public void NonPcmWavIsRejected()
    {
        var bytes = new byte[44];
        WavHeader.WriteMono(bytes, 8000, 0);
        bytes[34] = 8;
        Assert.Throws<InvalidDataException>(() => new WavFileSource(new MemoryStream(bytes)));
        Assert.Throws<InvalidDataException>(() => new WavFileSource(new MemoryStream(new byte[10])));
    }

    [Fact]
    public void PortableProviderListsOpensAndReportsChanges()
    {
        string path = Path.Combine(Path.GetTempPath(), "dkcloud-audio-" + Guid.NewGuid().ToString("N") + ".wav");
        try
        {
            var provider = new PortableAudioDeviceProvider(48000);
            var lost = new List<AudioDeviceInfo>();
            var defaults = new List<AudioDeviceInfo>();
            provider.DeviceLost += (_, e) => lost.Add(e.Device);
            provider.DefaultDeviceChanged += (_, e) => defaults.Add(e.Device);

            AudioDeviceInfo render = provider.AddWavRender(path);
            Assert.Equal(new[] { "null", "wav:" + path }, provider.GetDevices(AudioDeviceKind.Render).Select(d => d.Id));
            Assert.Equal(new[] { "null", "tone:1000" }, provider.GetDevices(AudioDeviceKind.Capture).Select(d => d.Id));
            Assert.IsType<ToneSource>(provider.OpenSource(provider.GetDevices(AudioDeviceKind.Capture)[1]));
            using (var sink = (WavFileSink)provider.OpenSink(render))
            {
                sink.WriteFrame(new short[960]);
            }

            using (var back = new WavFileSource(path))
            {
                Assert.Equal(TimeSpan.FromMilliseconds(20), back.Duration);
            }

            provider.SetDefault(render);
            Assert.True(provider.Remove(render));
            Assert.Equal(new[] { render }, lost);
            Assert.Equal("null", defaults[defaults.Count - 1].Id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FollowerMovesTheCallToTheDefaultAndOffALostDevice()
    {
        var provider = new PortableAudioDeviceProvider(48000);
        AudioDeviceInfo tone2k = provider.AddTone(2000);
        AudioDeviceInfo tone1k = provider.GetDevices(AudioDeviceKind.Capture)[1];
        var source = new SwitchableAudioSource(provider.OpenSource(tone2k));
        var sink = new SwitchableAudioSink(new NullSink());
        using var follower = new DefaultDeviceFollower(provider, source, sink, tone2k, null);

        provider.SetDefault(tone1k);
        Assert.Equal(0, source.Switches);

        Assert.True(provider.Remove(tone2k));
        Assert.Equal("tone:1000", provider.GetDefaultDevice(AudioDeviceKind.Capture)!.Id);
        Assert.True(follower.FollowCaptureDefault);
        Assert.Equal(1, source.Switches);
        var frame = new short[960];
        source.ReadFrame(frame);
        Assert.True(new ToneDetector(1000, 48000).IsPresent(frame));

        provider.SetDefault(tone1k);
        Assert.Equal(1, source.Switches);
        Assert.Equal(1000, Assert.IsType<ToneSource>(source.Current).Frequency);
    }

    [Fact]
    public void SwitchableSourceResamplesAnotherRateWithoutAGap()
    {
        var source = new SwitchableAudioSource(new ToneSource(1000, 48000), 16000);
        var detector = new ToneDetector(1000, 16000);
        var frame = new short[320];
        source.ReadFrame(frame);
        source.ReadFrame(frame);
        Assert.True(detector.IsPresent(frame));

        source.Switch(new ToneSource(1000, 8000));
        source.ReadFrame(frame);
        source.ReadFrame(frame);
        Assert.True(detector.IsPresent(frame));
    }
}
