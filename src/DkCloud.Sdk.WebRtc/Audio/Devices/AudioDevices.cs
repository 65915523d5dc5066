using System.Runtime.InteropServices;
using DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

namespace DkCloud.Sdk.WebRtc.Audio.Devices;

/// <summary>Picks the best device provider for the platform the application runs on.</summary>
public static class AudioDevices
{
    /// <summary>
    /// The Windows sound devices (<see cref="WindowsAudioDeviceProvider"/>) on Windows; elsewhere, or when Windows'
    /// audio endpoint service cannot be reached, the <see cref="PortableAudioDeviceProvider"/> (null devices, a
    /// 1 kHz tone, WAV files). Dispose the result when it is <see cref="System.IDisposable"/>.
    /// </summary>
    /// <param name="sampleRate">Rate of the frames that opened sources give and sinks take; a multiple of 50.</param>
    public static IAudioDeviceProvider CreateDefaultProvider(int sampleRate = 48000)
    {
        AudioFrames.ValidateRate(sampleRate, nameof(sampleRate));
        if (WindowsAudioDeviceProvider.IsSupported)
        {
            try
            {
                return new WindowsAudioDeviceProvider(new WindowsAudioDeviceOptions { SampleRate = sampleRate });
            }
            catch (COMException)
            {
                // No endpoint service (a server or container without audio): the portable devices still work.
            }
        }

        return new PortableAudioDeviceProvider(sampleRate);
    }
}
