using System;
using NAudio.CoreAudioApi;
using NAudio.CoreAudioApi.Interfaces;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// Receives Windows' endpoint notifications on the system's callback thread and hands each one on at once; it never
/// blocks, never calls back into the enumerator and never lets an exception reach the caller.
/// </summary>
#if NET6_0_OR_GREATER
[System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
internal sealed class WasapiNotificationClient : IMMNotificationClient
{
    private readonly Action<string> _changed;
    private readonly Action<string> _removed;
    private readonly Action<DataFlow, Role, string?> _defaultChanged;

    /// <summary>Creates the client.</summary>
    /// <param name="changed">An endpoint was added, changed state or was renamed: its id.</param>
    /// <param name="removed">An endpoint was removed: its id.</param>
    /// <param name="defaultChanged">A default changed: flow, role and the new default's id (null when none is left).</param>
    public WasapiNotificationClient(Action<string> changed, Action<string> removed, Action<DataFlow, Role, string?> defaultChanged)
    {
        _changed = changed ?? throw new ArgumentNullException(nameof(changed));
        _removed = removed ?? throw new ArgumentNullException(nameof(removed));
        _defaultChanged = defaultChanged ?? throw new ArgumentNullException(nameof(defaultChanged));
    }

    /// <inheritdoc/>
    public void OnDeviceStateChanged(string deviceId, DeviceState newState) => Forward(_changed, deviceId);

    /// <inheritdoc/>
    public void OnDeviceAdded(string pwstrDeviceId) => Forward(_changed, pwstrDeviceId);

    /// <inheritdoc/>
    public void OnDeviceRemoved(string deviceId) => Forward(_removed, deviceId);

    /// <inheritdoc/>
    public void OnDefaultDeviceChanged(DataFlow flow, Role role, string defaultDeviceId)
    {
        try
        {
            _defaultChanged(flow, role, string.IsNullOrEmpty(defaultDeviceId) ? null : defaultDeviceId);
        }
        catch (Exception)
        {
            // A notification must never fail back into the audio service.
        }
    }

    /// <inheritdoc/>
    public void OnPropertyValueChanged(string pwstrDeviceId, PropertyKey key)
    {
        PropertyKey name = PropertyKeys.PKEY_Device_FriendlyName;
        if (key.formatId == name.formatId && key.propertyId == name.propertyId)
        {
            Forward(_changed, pwstrDeviceId);
        }
    }

    private static void Forward(Action<string> handler, string id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        try
        {
            handler(id);
        }
        catch (Exception)
        {
            // A notification must never fail back into the audio service.
        }
    }
}
