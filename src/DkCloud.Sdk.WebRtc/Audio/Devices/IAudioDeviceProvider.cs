using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Audio.Devices;

/// <summary>
/// Lists and opens audio devices and says when they change: the seam between the softphone and the platform's audio
/// stack. Events may come on any thread; handlers must not block.
/// </summary>
public interface IAudioDeviceProvider
{
    /// <summary>Raised when a device was added or its description changed.</summary>
    event EventHandler<AudioDeviceEventArgs>? DeviceChanged;

    /// <summary>Raised when a device went away (unplugged headset); a call using it should move to the default.</summary>
    event EventHandler<AudioDeviceEventArgs>? DeviceLost;

    /// <summary>Raised when the system default of a kind changed; a call that follows the default should move.</summary>
    event EventHandler<AudioDeviceEventArgs>? DefaultDeviceChanged;

    /// <summary>The devices of <paramref name="kind"/> present now.</summary>
    IReadOnlyList<AudioDeviceInfo> GetDevices(AudioDeviceKind kind);

    /// <summary>The default device of <paramref name="kind"/>, or null when there is none.</summary>
    AudioDeviceInfo? GetDefaultDevice(AudioDeviceKind kind);

    /// <summary>Opens a capture device.</summary>
    IAudioSource OpenSource(AudioDeviceInfo device);

    /// <summary>Opens a render device.</summary>
    IAudioSink OpenSink(AudioDeviceInfo device);
}
