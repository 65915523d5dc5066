using System;

namespace DkCloud.Sdk.WebRtc.Audio.Devices;

/// <summary>A device that appeared, went away or became the default.</summary>
public sealed class AudioDeviceEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public AudioDeviceEventArgs(AudioDeviceInfo device)
    {
        Device = device ?? throw new ArgumentNullException(nameof(device));
    }

    /// <summary>The device concerned.</summary>
    public AudioDeviceInfo Device { get; }
}
