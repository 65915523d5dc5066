namespace DkCloud.Sdk.WebRtc.Audio.Devices;

/// <summary>Which way a device carries audio.</summary>
public enum AudioDeviceKind
{
    /// <summary>A microphone: opened as an <see cref="IAudioSource"/>.</summary>
    Capture,

    /// <summary>A speaker or headset: opened as an <see cref="IAudioSink"/>.</summary>
    Render,
}
