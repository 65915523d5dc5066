using System;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>An endpoint as the system reports it now: its description and whether it can be used.</summary>
internal readonly struct EndpointState
{
    /// <summary>Creates the state.</summary>
    public EndpointState(AudioDeviceInfo device, bool isActive)
    {
        Device = device ?? throw new ArgumentNullException(nameof(device));
        IsActive = isActive;
    }

    /// <summary>Id, name and kind.</summary>
    public AudioDeviceInfo Device { get; }

    /// <summary>True when the endpoint is present, enabled and plugged in.</summary>
    public bool IsActive { get; }
}
