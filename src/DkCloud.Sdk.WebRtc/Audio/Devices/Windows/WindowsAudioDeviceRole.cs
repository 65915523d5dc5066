namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>Which of Windows' default devices the provider follows.</summary>
public enum WindowsAudioDeviceRole
{
    /// <summary>The default communications device, which Windows picks for calls (usually the headset).</summary>
    Communications,

    /// <summary>The default device for everything else (system sounds, most applications).</summary>
    Console,
}
