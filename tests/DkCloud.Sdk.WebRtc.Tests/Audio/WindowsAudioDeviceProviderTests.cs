using System;
using System.Linq;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Audio.Devices;
using DkCloud.Sdk.WebRtc.Audio.Devices.Windows;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public class WindowsAudioDeviceProviderTests
{
    [Fact]
    public void IsSupportedExactlyOnWindows()
    {
        Assert.Equal(OperatingSystem.IsWindows(), WindowsAudioDeviceProvider.IsSupported);
    }

    [Fact]
    public void ElsewhereConstructionFailsWithAClearMessage()
    {
        if (OperatingSystem.IsWindows())
        {
            using var provider = new WindowsAudioDeviceProvider();
            Assert.Equal(48000, provider.Options.SampleRate);
            Assert.Equal(WindowsAudioDeviceRole.Communications, provider.Options.DefaultRole);
            return;
        }

        var e = Assert.Throws<PlatformNotSupportedException>(() => new WindowsAudioDeviceProvider());
        Assert.Contains("only available on Windows", e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(PortableAudioDeviceProvider), e.Message, StringComparison.Ordinal);
        Assert.Throws<PlatformNotSupportedException>(() => new WindowsAudioDeviceProvider(new WindowsAudioDeviceOptions { DefaultRole = WindowsAudioDeviceRole.Console }));
    }

    [Fact]
    public void SettingsOutOfRangeAreRefusedOnEverySystem()
    {
        Assert.Throws<ArgumentNullException>(() => new WindowsAudioDeviceProvider(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowsAudioDeviceProvider(new WindowsAudioDeviceOptions { SampleRate = 44123 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowsAudioDeviceProvider(new WindowsAudioDeviceOptions { DeviceBufferMilliseconds = 5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowsAudioDeviceProvider(new WindowsAudioDeviceOptions { CaptureQueueMilliseconds = 20 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowsAudioDeviceProvider(new WindowsAudioDeviceOptions { RenderQueueMilliseconds = 5000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowsAudioDeviceProvider(new WindowsAudioDeviceOptions { DefaultRole = (WindowsAudioDeviceRole)7 }));
    }

    [Fact]
    public void TheDefaultProviderFitsThePlatform()
    {
        IAudioDeviceProvider provider = AudioDevices.CreateDefaultProvider(16000);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                var portable = Assert.IsType<PortableAudioDeviceProvider>(provider);
                Assert.Equal(16000, portable.SampleRate);
                return;
            }

            Assert.True(provider is WindowsAudioDeviceProvider or PortableAudioDeviceProvider);
            if (provider is WindowsAudioDeviceProvider windows)
            {
                Assert.Equal(16000, windows.Options.SampleRate);
            }
        }
        finally
        {
            (provider as IDisposable)?.Dispose();
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => AudioDevices.CreateDefaultProvider(44123));
    }

    [Fact]
    public void WindowsEndpointsAreListedEvenWhenThereAreNone()
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.IsType<PortableAudioDeviceProvider>(AudioDevices.CreateDefaultProvider());
            return;
        }

        using var provider = new WindowsAudioDeviceProvider();
        foreach (AudioDeviceKind kind in new[] { AudioDeviceKind.Capture, AudioDeviceKind.Render })
        {
            var devices = provider.GetDevices(kind);
            Assert.All(devices, d => Assert.Equal(kind, d.Kind));
            Assert.All(devices, d => Assert.False(string.IsNullOrEmpty(d.Name)));
            Assert.Equal(devices.Count, devices.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
            AudioDeviceInfo? fallback = provider.GetDefaultDevice(kind);
            if (fallback is not null)
            {
                Assert.Contains(fallback, devices);
            }
        }

        Assert.Throws<ArgumentException>(() => provider.OpenSource(new AudioDeviceInfo("{no such endpoint}", "None", AudioDeviceKind.Capture)));
        Assert.Throws<ArgumentException>(() => provider.OpenSink(new AudioDeviceInfo("{no such endpoint}", "None", AudioDeviceKind.Render)));
        Assert.Throws<ArgumentException>(() => provider.OpenSink(new AudioDeviceInfo("{no such endpoint}", "None", AudioDeviceKind.Capture)));
    }

    [Fact]
    public void TheDefaultSpeakerTakesFramesWhenThereIsOne()
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Throws<PlatformNotSupportedException>(() => new WindowsAudioDeviceProvider());
            return;
        }

        using var provider = new WindowsAudioDeviceProvider();
        AudioDeviceInfo? speaker = provider.GetDefaultDevice(AudioDeviceKind.Render);
        if (speaker is null)
        {
            Assert.Empty(provider.GetDevices(AudioDeviceKind.Render));
            return;
        }

        IAudioSink sink = provider.OpenSink(speaker);
        try
        {
            Assert.Equal(48000, sink.SampleRate);
            var silence = new short[960];
            for (int i = 0; i < 10; i++)
            {
                sink.WriteFrame(silence);
            }
        }
        finally
        {
            ((IDisposable)sink).Dispose();
        }
    }
}
