using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NAudio.CoreAudioApi;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// The WASAPI side of <see cref="WindowsAudioDeviceProvider"/>: lists endpoints with the MMDevice enumerator, opens
/// them as sources and sinks, and turns endpoint notifications into provider events. Notifications leave the system's
/// callback thread at once; they are handled, and events raised, one at a time on a <see cref="SerialWorkQueue"/>.
/// </summary>
/// <remarks>Thread-safe. Every COM call runs in the multithreaded apartment (<see cref="ComApartment"/>).</remarks>
#if NET6_0_OR_GREATER
[System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
internal sealed class WasapiDeviceBackend : IAudioDeviceProvider, IDisposable
{
    private const int ElementNotFound = unchecked((int)0x80070490);
    private readonly object _gate = new();
    private readonly WindowsAudioDeviceOptions _options;
    private readonly Role _role;
    private readonly SerialWorkQueue _queue = new();
    private readonly EndpointTracker _tracker = new();
    private readonly List<IWasapiStream> _streams = new();
    private readonly MMDeviceEnumerator _enumerator;
    private readonly WasapiNotificationClient _client;
    private bool _disposed;

    /// <summary>Creates the enumerator, reads the endpoints and subscribes to their notifications.</summary>
    public WasapiDeviceBackend(WindowsAudioDeviceOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _role = options.DefaultRole == WindowsAudioDeviceRole.Console ? Role.Console : Role.Communications;
        _client = new WasapiNotificationClient(OnEndpointChanged, OnEndpointRemoved, OnDefaultChanged);
        _enumerator = ComApartment.Run(() => new MMDeviceEnumerator());
        try
        {
            ComApartment.Run(Start);
        }
        catch
        {
            _enumerator.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public event EventHandler<AudioDeviceEventArgs>? DeviceChanged;

    /// <inheritdoc/>
    public event EventHandler<AudioDeviceEventArgs>? DeviceLost;

    /// <inheritdoc/>
    public event EventHandler<AudioDeviceEventArgs>? DefaultDeviceChanged;

    /// <summary>True when Windows accepted the subscription to endpoint notifications.</summary>
    public bool NotificationsAvailable { get; private set; }

    /// <summary>Items of the event queue that threw (a handler's failure).</summary>
    public long HandlerFailures => _queue.Failures;

    /// <inheritdoc/>
    public IReadOnlyList<AudioDeviceInfo> GetDevices(AudioDeviceKind kind)
    {
        ThrowIfDisposed();
        return ComApartment.Run(() =>
        {
            var devices = new List<AudioDeviceInfo>();
            foreach (MMDevice endpoint in _enumerator.EnumerateAudioEndPoints(ToFlow(kind), DeviceState.Active))
            {
                using (endpoint)
                {
                    devices.Add(Describe(endpoint, kind));
                }
            }

            return (IReadOnlyList<AudioDeviceInfo>)devices;
        });
    }

    /// <inheritdoc/>
    public AudioDeviceInfo? GetDefaultDevice(AudioDeviceKind kind)
    {
        ThrowIfDisposed();
        return ComApartment.Run(() =>
        {
            DataFlow flow = ToFlow(kind);
            try
            {
                if (!_enumerator.HasDefaultAudioEndpoint(flow, _role))
                {
                    return null;
                }

                using MMDevice endpoint = _enumerator.GetDefaultAudioEndpoint(flow, _role);
                return Describe(endpoint, kind);
            }
            catch (COMException e) when (e.ErrorCode == ElementNotFound)
            {
                // The default went away between the two calls.
                return null;
            }
        });
    }

    /// <inheritdoc/>
    public IAudioSource OpenSource(AudioDeviceInfo device) => (IAudioSource)Open(device, AudioDeviceKind.Capture);

    /// <inheritdoc/>
    public IAudioSink OpenSink(AudioDeviceInfo device) => (IAudioSink)Open(device, AudioDeviceKind.Render);

    /// <summary>Stops the notifications and releases the enumerator; opened sources and sinks keep running until disposed.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _queue.Close();
        ComApartment.Run(() =>
        {
            try
            {
                if (NotificationsAvailable)
                {
                    _enumerator.UnregisterEndpointNotificationCallback(_client);
                }
            }
            catch (COMException)
            {
                // The audio service is gone; there is no subscription left to end.
            }

            _enumerator.Dispose();
        });
    }

    private static DataFlow ToFlow(AudioDeviceKind kind) => kind == AudioDeviceKind.Capture ? DataFlow.Capture : DataFlow.Render;

    private static AudioDeviceInfo Describe(MMDevice endpoint, AudioDeviceKind kind)
    {
        string id = endpoint.ID;
        string name;
        try
        {
            name = endpoint.FriendlyName;
        }
        catch (COMException)
        {
            name = id;
        }

        return new AudioDeviceInfo(id, string.IsNullOrEmpty(name) ? id : name, kind);
    }

    private void Start()
    {
        var endpoints = new List<EndpointState>();
        // Only usable endpoints matter: one seen later for the first time is reported as a change anyway.
        foreach (MMDevice endpoint in _enumerator.EnumerateAudioEndPoints(DataFlow.All, DeviceState.Active))
        {
            using (endpoint)
            {
                EndpointState? state = ReadState(endpoint);
                if (state is not null)
                {
                    endpoints.Add(state.Value);
                }
            }
        }

        AudioDeviceInfo? capture = GetDefaultDevice(AudioDeviceKind.Capture);
        AudioDeviceInfo? render = GetDefaultDevice(AudioDeviceKind.Render);
        lock (_gate)
        {
            _tracker.Load(endpoints, capture, render);
        }

        NotificationsAvailable = _enumerator.RegisterEndpointNotificationCallback(_client) == 0;
    }

    private EndpointState? ReadState(MMDevice endpoint)
    {
        try
        {
            DataFlow flow = endpoint.DataFlow;
            if (flow != DataFlow.Capture && flow != DataFlow.Render)
            {
                return null;
            }

            AudioDeviceKind kind = flow == DataFlow.Capture ? AudioDeviceKind.Capture : AudioDeviceKind.Render;
            return new EndpointState(Describe(endpoint, kind), endpoint.State == DeviceState.Active);
        }
        catch (COMException)
        {
            return null;
        }
    }

    private EndpointState? ReadState(string id)
    {
        try
        {
            using MMDevice endpoint = _enumerator.GetDevice(id);
            return ReadState(endpoint);
        }
        catch (COMException)
        {
            return null;
        }
    }

    private IWasapiStream Open(AudioDeviceInfo device, AudioDeviceKind kind)
    {
        if (device is null)
        {
            throw new ArgumentNullException(nameof(device));
        }

        if (device.Kind != kind)
        {
            throw new ArgumentException("Not a " + kind.ToString().ToUpperInvariant() + " device: " + device + ".", nameof(device));
        }

        ThrowIfDisposed();
        IWasapiStream stream = ComApartment.Run(() => Create(device, kind));
        stream.Lost += OnStreamLost;
        stream.Closed += OnStreamClosed;
        lock (_gate)
        {
            _streams.Add(stream);
            _tracker.Opened(device.Id);
        }

        return stream;
    }

    private IWasapiStream Create(AudioDeviceInfo device, AudioDeviceKind kind)
    {
        MMDevice endpoint;
        try
        {
            endpoint = _enumerator.GetDevice(device.Id);
        }
        catch (COMException e)
        {
            throw new ArgumentException("Unknown " + kind.ToString().ToUpperInvariant() + " device: " + device + ".", nameof(device), e);
        }

        try
        {
            if (endpoint.DataFlow != ToFlow(kind) || endpoint.State != DeviceState.Active)
            {
                throw new InvalidOperationException("The device " + device + " is not an active " + kind.ToString().ToUpperInvariant() + " endpoint.");
            }

            return kind == AudioDeviceKind.Capture
                ? new WasapiAudioSource(endpoint, device, _options)
                : new WasapiAudioSink(endpoint, device, _options);
        }
        catch (COMException e)
        {
            endpoint.Dispose();
            throw new InvalidOperationException("Could not open the device " + device + " (HRESULT 0x" + e.ErrorCode.ToString("X8", System.Globalization.CultureInfo.InvariantCulture) + ").", e);
        }
        catch
        {
            endpoint.Dispose();
            throw;
        }
    }

    private void OnStreamLost(object? sender, EventArgs e)
    {
        var stream = (IWasapiStream)sender!;
        _queue.Post(() =>
        {
            var notices = new List<EndpointNotice>();
            lock (_gate)
            {
                _tracker.AnnounceLost(stream.Device.Id, notices);
            }

            Raise(notices);
        });
    }

    private void OnStreamClosed(object? sender, EventArgs e)
    {
        var stream = (IWasapiStream)sender!;
        stream.Lost -= OnStreamLost;
        stream.Closed -= OnStreamClosed;
        lock (_gate)
        {
            _streams.Remove(stream);
        }
    }

    private void OnEndpointChanged(string id) => _queue.Post(() => Refresh(id));

    private void OnEndpointRemoved(string id) => _queue.Post(() =>
    {
        var notices = new List<EndpointNotice>();
        lock (_gate)
        {
            _tracker.Remove(id, notices);
        }

        Raise(notices);
    });

    private void OnDefaultChanged(DataFlow flow, Role role, string? id)
    {
        if (role != _role || (flow != DataFlow.Capture && flow != DataFlow.Render))
        {
            return;
        }

        AudioDeviceKind kind = flow == DataFlow.Capture ? AudioDeviceKind.Capture : AudioDeviceKind.Render;
        _queue.Post(() =>
        {
            bool known;
            lock (_gate)
            {
                known = id is null || _tracker.Find(id) is not null;
            }

            if (!known)
            {
                Refresh(id!);
            }

            var notices = new List<EndpointNotice>();
            lock (_gate)
            {
                _tracker.SetDefault(kind, id, notices);
            }

            Raise(notices);
        });
    }

    private void Refresh(string id)
    {
        EndpointState? state = ComApartment.Run(() => ReadState(id));
        var notices = new List<EndpointNotice>();
        lock (_gate)
        {
            if (state is null)
            {
                _tracker.Remove(id, notices);
            }
            else
            {
                _tracker.Update(state.Value, notices);
            }
        }

        Raise(notices);
    }

    private void Raise(List<EndpointNotice> notices)
    {
        foreach (EndpointNotice notice in notices)
        {
            var args = new AudioDeviceEventArgs(notice.Device);
            switch (notice.Kind)
            {
                case EndpointNoticeKind.Lost:
                    StopStreams(notice.Device);
                    DeviceLost?.Invoke(this, args);
                    break;
                case EndpointNoticeKind.DefaultChanged:
                    DefaultDeviceChanged?.Invoke(this, args);
                    break;
                default:
                    DeviceChanged?.Invoke(this, args);
                    break;
            }
        }
    }

    private void StopStreams(AudioDeviceInfo device)
    {
        IWasapiStream[] affected;
        lock (_gate)
        {
            affected = _streams.FindAll(s => s.Device.Equals(device)).ToArray();
        }

        foreach (IWasapiStream stream in affected)
        {
            stream.MarkLost(new InvalidOperationException("The device " + device + " was removed, disabled or unplugged."));
        }
    }

    private void ThrowIfDisposed()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(WindowsAudioDeviceProvider));
            }
        }
    }
}
