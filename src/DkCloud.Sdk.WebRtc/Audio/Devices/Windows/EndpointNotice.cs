using System;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>One event to raise for an endpoint change.</summary>
internal readonly struct EndpointNotice : IEquatable<EndpointNotice>
{
    /// <summary>Creates the notice.</summary>
    public EndpointNotice(EndpointNoticeKind kind, AudioDeviceInfo device)
    {
        Kind = kind;
        Device = device ?? throw new ArgumentNullException(nameof(device));
    }

    /// <summary>The event.</summary>
    public EndpointNoticeKind Kind { get; }

    /// <summary>The device concerned.</summary>
    public AudioDeviceInfo Device { get; }

    /// <inheritdoc/>
    public bool Equals(EndpointNotice other) => other.Kind == Kind && Equals(other.Device, Device);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EndpointNotice other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ((Device?.GetHashCode() ?? 0) * 397) ^ (int)Kind;

    /// <inheritdoc/>
    public override string ToString() => Kind + ": " + Device;
}
