namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>Which provider event an endpoint change calls for.</summary>
internal enum EndpointNoticeKind
{
    /// <summary>A device appeared, came back or was renamed: <see cref="IAudioDeviceProvider.DeviceChanged"/>.</summary>
    Changed,

    /// <summary>A device in service went away: <see cref="IAudioDeviceProvider.DeviceLost"/>.</summary>
    Lost,

    /// <summary>The default of a kind moved: <see cref="IAudioDeviceProvider.DefaultDeviceChanged"/>.</summary>
    DefaultChanged,
}
