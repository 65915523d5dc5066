using System;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>Settings of a <see cref="WindowsAudioDeviceProvider"/>; read once, when the provider is created.</summary>
public sealed class WindowsAudioDeviceOptions
{
    /// <summary>Which default the provider reports and follows.</summary>
    /// <value>Default <see cref="WindowsAudioDeviceRole.Communications"/>.</value>
    public WindowsAudioDeviceRole DefaultRole { get; set; } = WindowsAudioDeviceRole.Communications;

    /// <summary>Rate of the frames that opened sources give and sinks take, in hertz; a multiple of 50.</summary>
    /// <value>Default 48000. The device's own rate and channel layout are converted.</value>
    public int SampleRate { get; set; } = 48000;

    /// <summary>Length of the buffer Windows shares with each opened device, in milliseconds (10 to 500).</summary>
    /// <value>Default 40.</value>
    public int DeviceBufferMilliseconds { get; set; } = 40;

    /// <summary>Most captured audio queued for the media thread, in milliseconds (40 to 2000); older audio is dropped.</summary>
    /// <value>Default 100.</value>
    public int CaptureQueueMilliseconds { get; set; } = 100;

    /// <summary>Most audio queued for the speaker, in milliseconds (40 to 2000); older audio is dropped.</summary>
    /// <value>Default 100.</value>
    public int RenderQueueMilliseconds { get; set; } = 100;

    /// <summary>Throws when a setting is out of range.</summary>
    internal void Validate()
    {
        AudioFrames.ValidateRate(SampleRate, nameof(SampleRate));
        if (DefaultRole != WindowsAudioDeviceRole.Communications && DefaultRole != WindowsAudioDeviceRole.Console)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultRole), "Unknown role.");
        }

        Check(DeviceBufferMilliseconds, 10, 500, nameof(DeviceBufferMilliseconds));
        Check(CaptureQueueMilliseconds, 40, 2000, nameof(CaptureQueueMilliseconds));
        Check(RenderQueueMilliseconds, 40, 2000, nameof(RenderQueueMilliseconds));
    }

    /// <summary>A copy, so later changes do not reach a running provider.</summary>
    internal WindowsAudioDeviceOptions Clone() => (WindowsAudioDeviceOptions)MemberwiseClone();

    private static void Check(int value, int minimum, int maximum, string name)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be between " + minimum + " and " + maximum + " ms.");
        }
    }
}
