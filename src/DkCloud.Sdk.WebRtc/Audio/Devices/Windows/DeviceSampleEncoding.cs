namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>How one sample of one channel is stored in a device buffer (native byte order).</summary>
internal enum DeviceSampleEncoding
{
    /// <summary>Signed 16-bit integer.</summary>
    Pcm16,

    /// <summary>Signed 24-bit integer packed in three bytes.</summary>
    Pcm24,

    /// <summary>Signed 32-bit integer (also 24 valid bits left-aligned in 32).</summary>
    Pcm32,

    /// <summary>32-bit IEEE float, full scale at ±1.0.</summary>
    Float32,
}
