using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// Remembers the endpoints seen and the defaults, and turns each change the system reports into the provider events
/// it calls for: a device that becomes usable (or is renamed) is <see cref="EndpointNoticeKind.Changed"/>, a usable one
/// that is removed, disabled or unplugged is <see cref="EndpointNoticeKind.Lost"/>, a new default is
/// <see cref="EndpointNoticeKind.DefaultChanged"/>. A loss already reported because an open stream failed is not
/// reported again when the system catches up.
/// </summary>
/// <remarks>Not thread-safe: the provider calls it under its lock.</remarks>
internal sealed class EndpointTracker
{
    private readonly Dictionary<string, Entry> _endpoints = new(StringComparer.Ordinal);
    private readonly AudioDeviceInfo?[] _defaults = new AudioDeviceInfo?[2];

    /// <summary>Starts over from <paramref name="endpoints"/> and the defaults, reporting nothing.</summary>
    public void Load(IEnumerable<EndpointState> endpoints, AudioDeviceInfo? defaultCapture, AudioDeviceInfo? defaultRender)
    {
        if (endpoints is null)
        {
            throw new ArgumentNullException(nameof(endpoints));
        }

        _endpoints.Clear();
        foreach (EndpointState state in endpoints)
        {
            _endpoints[state.Device.Id] = new Entry(state.Device, state.IsActive);
        }

        _defaults[(int)AudioDeviceKind.Capture] = defaultCapture;
        _defaults[(int)AudioDeviceKind.Render] = defaultRender;
    }

    /// <summary>The endpoint with <paramref name="id"/>, or null when never seen.</summary>
    public AudioDeviceInfo? Find(string id) => _endpoints.TryGetValue(id, out Entry? entry) ? entry.Device : null;

    /// <summary>True when the endpoint with <paramref name="id"/> is known and usable.</summary>
    public bool IsActive(string id) => _endpoints.TryGetValue(id, out Entry? entry) && entry.IsActive;

    /// <summary>The default of <paramref name="kind"/> as last reported.</summary>
    public AudioDeviceInfo? GetDefault(AudioDeviceKind kind) => _defaults[(int)kind];

    /// <summary>Takes an endpoint's current state.</summary>
    public void Update(EndpointState state, ICollection<EndpointNotice> notices)
    {
        if (!_endpoints.TryGetValue(state.Device.Id, out Entry? entry))
        {
            _endpoints[state.Device.Id] = new Entry(state.Device, state.IsActive);
            if (state.IsActive)
            {
                notices.Add(new EndpointNotice(EndpointNoticeKind.Changed, state.Device));
            }

            return;
        }

        AudioDeviceInfo previous = entry.Device;
        bool wasActive = entry.IsActive;
        entry.Device = state.Device;
        entry.IsActive = state.IsActive;
        if (wasActive && !state.IsActive)
        {
            if (!entry.LossAnnounced)
            {
                notices.Add(new EndpointNotice(EndpointNoticeKind.Lost, previous));
            }

            entry.LossAnnounced = false;
        }
        else if (state.IsActive && (!wasActive || !string.Equals(previous.Name, state.Device.Name, StringComparison.Ordinal)))
        {
            entry.LossAnnounced = false;
            notices.Add(new EndpointNotice(EndpointNoticeKind.Changed, state.Device));
        }

        ReplaceDefault(state.Device);
    }

    /// <summary>Forgets an endpoint the system removed.</summary>
    public void Remove(string id, ICollection<EndpointNotice> notices)
    {
        if (!_endpoints.TryGetValue(id, out Entry? entry))
        {
            return;
        }

        _endpoints.Remove(id);
        if (entry.IsActive && !entry.LossAnnounced)
        {
            notices.Add(new EndpointNotice(EndpointNoticeKind.Lost, entry.Device));
        }

        int kind = (int)entry.Device.Kind;
        if (entry.Device.Equals(_defaults[kind]))
        {
            _defaults[kind] = null;
        }
    }

    /// <summary>Takes the new default of <paramref name="kind"/> (null when none is left); the endpoint must be known.</summary>
    public void SetDefault(AudioDeviceKind kind, string? id, ICollection<EndpointNotice> notices)
    {
        if (id is null)
        {
            _defaults[(int)kind] = null;
            return;
        }

        if (!_endpoints.TryGetValue(id, out Entry? entry) || entry.Device.Kind != kind)
        {
            return;
        }

        if (entry.Device.Equals(_defaults[(int)kind]))
        {
            return;
        }

        _defaults[(int)kind] = entry.Device;
        notices.Add(new EndpointNotice(EndpointNoticeKind.DefaultChanged, entry.Device));
    }

    /// <summary>Reports the loss of a usable endpoint whose open stream failed, once until it is opened again or comes back.</summary>
    /// <returns>True when a notice was added.</returns>
    public bool AnnounceLost(string id, ICollection<EndpointNotice> notices)
    {
        if (!_endpoints.TryGetValue(id, out Entry? entry) || !entry.IsActive || entry.LossAnnounced)
        {
            return false;
        }

        entry.LossAnnounced = true;
        notices.Add(new EndpointNotice(EndpointNoticeKind.Lost, entry.Device));
        return true;
    }

    /// <summary>Notes that a stream on the endpoint opened, so its next failure is reported again.</summary>
    public void Opened(string id)
    {
        if (_endpoints.TryGetValue(id, out Entry? entry))
        {
            entry.LossAnnounced = false;
        }
    }

    private void ReplaceDefault(AudioDeviceInfo device)
    {
        int kind = (int)device.Kind;
        if (device.Equals(_defaults[kind]))
        {
            _defaults[kind] = device;
        }
    }

    private sealed class Entry
    {
        public Entry(AudioDeviceInfo device, bool isActive)
        {
            Device = device;
            IsActive = isActive;
        }

        public AudioDeviceInfo Device { get; set; }

        public bool IsActive { get; set; }

        public bool LossAnnounced { get; set; }
    }
}
