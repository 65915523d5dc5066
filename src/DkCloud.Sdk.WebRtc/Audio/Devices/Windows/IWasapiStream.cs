using System;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>An opened device stream as the provider tracks it, to stop it when its endpoint goes away.</summary>
internal interface IWasapiStream : IDisposable
{
    /// <summary>Raised once when the stream finds its device lost (the device thread stopped with an error).</summary>
    event EventHandler? Lost;

    /// <summary>Raised once when the stream is disposed.</summary>
    event EventHandler? Closed;

    /// <summary>The endpoint the stream runs on.</summary>
    AudioDeviceInfo Device { get; }

    /// <summary>Marks the device lost; the stream gives or takes silence from then on.</summary>
    /// <returns>True the first time.</returns>
    bool MarkLost(Exception reason);
}
