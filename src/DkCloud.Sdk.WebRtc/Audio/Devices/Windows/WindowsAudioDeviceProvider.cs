using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// The Windows sound devices (WASAPI endpoints, through NAudio): lists the active microphones and speakers with
/// their friendly names, reports Windows' communications or console default, and opens an endpoint as an
/// <see cref="IAudioSource"/> or <see cref="IAudioSink"/> of 20 ms mono 16-bit frames at
/// <see cref="WindowsAudioDeviceOptions.SampleRate"/>, whatever the endpoint's own mix format (channels are averaged
/// or copied, float and 24/32-bit samples converted, the rate resampled).
/// </summary>
/// <remarks>
/// <para>
/// Hot-plug: an endpoint that appears, comes back or is renamed raises <see cref="DeviceChanged"/>; one that is
/// unplugged, disabled or removed raises <see cref="DeviceLost"/>, and so does an opened endpoint whose stream fails.
/// A new default for the configured role raises <see cref="DefaultDeviceChanged"/>. Events are raised one at a time,
/// in order, on a thread-pool thread, never on Windows' notification thread; a handler that throws is skipped, not
/// rethrown. A source or sink whose device is lost never throws into the media thread: a source gives silence (its
/// <c>ReadFrame</c> returns false) and a sink discards what it is given, until it is replaced and disposed.
/// </para>
/// <para>
/// Sources and sinks belong to the caller, who disposes them; they keep working after the provider is disposed.
/// Calls from a single-threaded apartment (a UI thread) are carried out on the thread pool, so the COM objects never
/// depend on the UI thread. On other systems the constructor throws <see cref="PlatformNotSupportedException"/>:
/// check <see cref="IsSupported"/>, or use <see cref="AudioDevices.CreateDefaultProvider(int)"/>.
/// </para>
/// </remarks>
public sealed class WindowsAudioDeviceProvider : IAudioDeviceProvider, IDisposable
{
    private readonly IAudioDeviceProvider _devices;
    private readonly IDisposable _lifetime;

    /// <summary>Opens the Windows devices with the default options.</summary>
    /// <exception cref="PlatformNotSupportedException">Not running on Windows.</exception>
    /// <exception cref="COMException">Windows' audio endpoint service could not be reached.</exception>
    public WindowsAudioDeviceProvider()
        : this(new WindowsAudioDeviceOptions())
    {
    }

    /// <summary>Opens the Windows devices.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="PlatformNotSupportedException">Not running on Windows.</exception>
    /// <exception cref="COMException">Windows' audio endpoint service could not be reached.</exception>
    public WindowsAudioDeviceProvider(WindowsAudioDeviceOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException(
                "Windows sound devices (WASAPI) are only available on Windows; on " + RuntimeInformation.OSDescription +
                " use PortableAudioDeviceProvider, or AudioDevices.CreateDefaultProvider() to choose by platform.");
        }

        Options = options.Clone();
        var backend = new WasapiDeviceBackend(Options);
        backend.DeviceChanged += (_, e) => DeviceChanged?.Invoke(this, e);
        backend.DeviceLost += (_, e) => DeviceLost?.Invoke(this, e);
        backend.DefaultDeviceChanged += (_, e) => DefaultDeviceChanged?.Invoke(this, e);
        _devices = backend;
        _lifetime = backend;
    }

    /// <inheritdoc/>
    public event EventHandler<AudioDeviceEventArgs>? DeviceChanged;

    /// <inheritdoc/>
    public event EventHandler<AudioDeviceEventArgs>? DeviceLost;

    /// <inheritdoc/>
    public event EventHandler<AudioDeviceEventArgs>? DefaultDeviceChanged;

    /// <summary>True on Windows, where this provider can be created.</summary>
#if NET6_0_OR_GREATER
    [System.Runtime.Versioning.SupportedOSPlatformGuard("windows")]
#endif
    public static bool IsSupported => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>The settings in force (a copy of those given).</summary>
    public WindowsAudioDeviceOptions Options { get; }

    /// <summary>The active endpoints of <paramref name="kind"/>.</summary>
    public IReadOnlyList<AudioDeviceInfo> GetDevices(AudioDeviceKind kind) => _devices.GetDevices(kind);

    /// <summary>The default endpoint of <paramref name="kind"/> for <see cref="WindowsAudioDeviceOptions.DefaultRole"/>, or null when there is none.</summary>
    public AudioDeviceInfo? GetDefaultDevice(AudioDeviceKind kind) => _devices.GetDefaultDevice(kind);

    /// <summary>Opens and starts a capture endpoint; dispose the source (it is <see cref="IDisposable"/>) when done.</summary>
    /// <exception cref="ArgumentException">Not a capture device, or unknown to Windows.</exception>
    /// <exception cref="InvalidOperationException">The endpoint is not active or could not be started.</exception>
    /// <exception cref="NotSupportedException">The endpoint's mix format cannot be converted.</exception>
    public IAudioSource OpenSource(AudioDeviceInfo device) => _devices.OpenSource(device);

    /// <summary>Opens and starts a render endpoint; dispose the sink (it is <see cref="IDisposable"/>) when done.</summary>
    /// <exception cref="ArgumentException">Not a render device, or unknown to Windows.</exception>
    /// <exception cref="InvalidOperationException">The endpoint is not active or could not be started.</exception>
    /// <exception cref="NotSupportedException">The endpoint's mix format cannot be converted.</exception>
    public IAudioSink OpenSink(AudioDeviceInfo device) => _devices.OpenSink(device);

    /// <summary>Stops the device notifications; opened sources and sinks keep running until they are disposed.</summary>
    public void Dispose() => _lifetime.Dispose();
}
