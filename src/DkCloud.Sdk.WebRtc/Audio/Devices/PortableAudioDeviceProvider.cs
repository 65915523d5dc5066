using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DkCloud.Sdk.WebRtc.Audio.Devices;

/// <summary>
/// Devices that work on every platform without a sound card: "null" (silence in, nothing out), "tone:&lt;hz&gt;"
/// capture devices, and WAV files added with <see cref="AddWavCapture"/> and <see cref="AddWavRender"/>. Removing a
/// device raises <see cref="DeviceLost"/>; <see cref="SetDefault"/> raises <see cref="DefaultDeviceChanged"/>.
/// </summary>
/// <remarks>Thread-safe. Events are raised on the caller's thread, outside the lock.</remarks>
public sealed class PortableAudioDeviceProvider : IAudioDeviceProvider
{
    /// <summary>Id of the null devices.</summary>
    public const string NullDeviceId = "null";

    private readonly object _gate = new();
    private readonly List<AudioDeviceInfo> _devices = new();
    private readonly Dictionary<AudioDeviceInfo, PortableDevice> _details = new();
    private readonly Dictionary<AudioDeviceKind, AudioDeviceInfo> _defaults = new();

    /// <summary>Creates a provider with the null capture and render devices and a 1 kHz tone, at <paramref name="sampleRate"/>.</summary>
    public PortableAudioDeviceProvider(int sampleRate = 48000)
    {
        AudioFrames.ValidateRate(sampleRate, nameof(sampleRate));
        SampleRate = sampleRate;
        Add(new AudioDeviceInfo(NullDeviceId, "No microphone", AudioDeviceKind.Capture), new PortableDevice(null, 0, loop: false));
        Add(new AudioDeviceInfo(NullDeviceId, "No speaker", AudioDeviceKind.Render), new PortableDevice(null, 0, loop: false));
        AddTone(1000);
    }

    /// <inheritdoc/>
    public event EventHandler<AudioDeviceEventArgs>? DeviceChanged;

    /// <inheritdoc/>
    public event EventHandler<AudioDeviceEventArgs>? DeviceLost;

    /// <inheritdoc/>
    public event EventHandler<AudioDeviceEventArgs>? DefaultDeviceChanged;

    /// <summary>Rate of the null and tone devices.</summary>
    public int SampleRate { get; }

    /// <summary>Adds a tone capture device with id "tone:&lt;hz&gt;".</summary>
    public AudioDeviceInfo AddTone(int frequency)
    {
        string hertz = frequency.ToString(CultureInfo.InvariantCulture);
        var device = new AudioDeviceInfo("tone:" + hertz, "Tone " + hertz + " Hz", AudioDeviceKind.Capture);
        return AddAndAnnounce(device, new PortableDevice(null, frequency, loop: false));
    }

    /// <summary>Adds a capture device that plays <paramref name="path"/>, with id "wav:&lt;path&gt;".</summary>
    public AudioDeviceInfo AddWavCapture(string path, bool loop = true)
        => AddAndAnnounce(new AudioDeviceInfo("wav:" + path, System.IO.Path.GetFileName(path), AudioDeviceKind.Capture), new PortableDevice(path, 0, loop));

    /// <summary>Adds a render device that records into <paramref name="path"/>, with id "wav:&lt;path&gt;".</summary>
    public AudioDeviceInfo AddWavRender(string path)
        => AddAndAnnounce(new AudioDeviceInfo("wav:" + path, System.IO.Path.GetFileName(path), AudioDeviceKind.Render), new PortableDevice(path, 0, loop: false));

    /// <summary>Removes a device and raises <see cref="DeviceLost"/>; the default falls back to "null".</summary>
    public bool Remove(AudioDeviceInfo device)
    {
        AudioDeviceInfo? newDefault = null;
        lock (_gate)
        {
            if (device is null || device.Id == NullDeviceId || !_devices.Remove(device))
            {
                return false;
            }

            _details.Remove(device);
            if (_defaults.TryGetValue(device.Kind, out AudioDeviceInfo? current) && current.Equals(device))
            {
                newDefault = _devices.First(d => d.Kind == device.Kind && d.Id == NullDeviceId);
                _defaults[device.Kind] = newDefault;
            }
        }

        DeviceLost?.Invoke(this, new AudioDeviceEventArgs(device));
        if (newDefault is not null)
        {
            DefaultDeviceChanged?.Invoke(this, new AudioDeviceEventArgs(newDefault));
        }

        return true;
    }

    /// <summary>Makes <paramref name="device"/> the default of its kind.</summary>
    public void SetDefault(AudioDeviceInfo device)
    {
        lock (_gate)
        {
            if (device is null || !_devices.Contains(device))
            {
                throw new ArgumentException("Unknown device.", nameof(device));
            }

            _defaults[device.Kind] = device;
        }

        DefaultDeviceChanged?.Invoke(this, new AudioDeviceEventArgs(device));
    }

    /// <inheritdoc/>
    public IReadOnlyList<AudioDeviceInfo> GetDevices(AudioDeviceKind kind)
    {
        lock (_gate)
        {
            return _devices.Where(d => d.Kind == kind).ToArray();
        }
    }

    /// <inheritdoc/>
    public AudioDeviceInfo? GetDefaultDevice(AudioDeviceKind kind)
    {
        lock (_gate)
        {
            return _defaults.TryGetValue(kind, out AudioDeviceInfo? device) ? device : null;
        }
    }

    /// <inheritdoc/>
    public IAudioSource OpenSource(AudioDeviceInfo device)
    {
        PortableDevice details = Lookup(device, AudioDeviceKind.Capture);
        if (details.Path is not null)
        {
            return new WavFileSource(details.Path, details.Loop);
        }

        return details.Frequency > 0 ? new ToneSource(details.Frequency, SampleRate) : new SilenceSource(SampleRate);
    }

    /// <inheritdoc/>
    public IAudioSink OpenSink(AudioDeviceInfo device)
    {
        PortableDevice details = Lookup(device, AudioDeviceKind.Render);
        return details.Path is not null ? new WavFileSink(details.Path, SampleRate) : new NullSink(SampleRate);
    }

    private PortableDevice Lookup(AudioDeviceInfo device, AudioDeviceKind kind)
    {
        lock (_gate)
        {
            if (device is null || device.Kind != kind || !_details.TryGetValue(device, out PortableDevice? details))
            {
                throw new ArgumentException("Unknown " + kind.ToString().ToUpperInvariant() + " device.", nameof(device));
            }

            return details;
        }
    }

    private AudioDeviceInfo AddAndAnnounce(AudioDeviceInfo device, PortableDevice details)
    {
        Add(device, details);
        DeviceChanged?.Invoke(this, new AudioDeviceEventArgs(device));
        return device;
    }

    private void Add(AudioDeviceInfo device, PortableDevice details)
    {
        lock (_gate)
        {
            _devices.Remove(device);
            _devices.Add(device);
            _details[device] = details;
            if (!_defaults.ContainsKey(device.Kind))
            {
                _defaults[device.Kind] = device;
            }
        }
    }
}
