using System;

namespace DkCloud.Sdk.WebRtc.Audio.Devices;

/// <summary>
/// Keeps a call's switchable source and sink on the provider's default devices when they follow the default, and
/// moves them to the default when the device in use is lost, so unplugging a headset never leaves one-way audio.
/// </summary>
/// <remarks>Handlers run on the provider's event thread; switching is thread-safe.</remarks>
internal sealed class DefaultDeviceFollower : IDisposable
{
    private readonly IAudioDeviceProvider _provider;
    private readonly SwitchableAudioSource _source;
    private readonly SwitchableAudioSink _sink;
    private readonly object _gate = new();
    private AudioDeviceInfo? _capture;
    private AudioDeviceInfo? _render;

    /// <summary>Starts following; the current devices are whatever the sockets hold, described by <paramref name="capture"/> and <paramref name="render"/> (null = the default).</summary>
    public DefaultDeviceFollower(IAudioDeviceProvider provider, SwitchableAudioSource source, SwitchableAudioSink sink, AudioDeviceInfo? capture, AudioDeviceInfo? render)
    {
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _capture = capture;
        _render = render;
        FollowCaptureDefault = capture is null;
        FollowRenderDefault = render is null;
        provider.DeviceLost += OnDeviceLost;
        provider.DefaultDeviceChanged += OnDefaultChanged;
    }

    /// <summary>True while the capture side follows the default.</summary>
    public bool FollowCaptureDefault { get; private set; }

    /// <summary>True while the render side follows the default.</summary>
    public bool FollowRenderDefault { get; private set; }

    /// <summary>Raised with the replaced source or sink so that its owner can dispose it.</summary>
    public event Action<object>? Replaced;

    /// <inheritdoc/>
    public void Dispose()
    {
        _provider.DeviceLost -= OnDeviceLost;
        _provider.DefaultDeviceChanged -= OnDefaultChanged;
    }

    private void OnDeviceLost(object? sender, AudioDeviceEventArgs e)
    {
        lock (_gate)
        {
            if (e.Device.Kind == AudioDeviceKind.Capture && e.Device.Equals(_capture))
            {
                FollowCaptureDefault = true;
                MoveTo(_provider.GetDefaultDevice(AudioDeviceKind.Capture), AudioDeviceKind.Capture);
            }
            else if (e.Device.Kind == AudioDeviceKind.Render && e.Device.Equals(_render))
            {
                FollowRenderDefault = true;
                MoveTo(_provider.GetDefaultDevice(AudioDeviceKind.Render), AudioDeviceKind.Render);
            }
        }
    }

    private void OnDefaultChanged(object? sender, AudioDeviceEventArgs e)
    {
        lock (_gate)
        {
            bool follows = e.Device.Kind == AudioDeviceKind.Capture ? FollowCaptureDefault : FollowRenderDefault;
            if (follows)
            {
                MoveTo(e.Device, e.Device.Kind);
            }
        }
    }

    private void MoveTo(AudioDeviceInfo? device, AudioDeviceKind kind)
    {
        if (device is null)
        {
            return;
        }

        if (kind == AudioDeviceKind.Capture)
        {
            if (device.Equals(_capture))
            {
                return;
            }

            _capture = device;
            IAudioSource previous = _source.Switch(_provider.OpenSource(device));
            Replaced?.Invoke(previous);
        }
        else
        {
            if (device.Equals(_render))
            {
                return;
            }

            _render = device;
            IAudioSink previous = _sink.Switch(_provider.OpenSink(device));
            Replaced?.Invoke(previous);
        }
    }
}
