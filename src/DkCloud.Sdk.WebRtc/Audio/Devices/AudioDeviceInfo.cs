using System;

namespace DkCloud.Sdk.WebRtc.Audio.Devices;

/// <summary>A device as a provider lists it.</summary>
public sealed class AudioDeviceInfo : IEquatable<AudioDeviceInfo>
{
    /// <summary>Creates a description.</summary>
    public AudioDeviceInfo(string id, string name, AudioDeviceKind kind)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Kind = kind;
    }

    /// <summary>Stable identifier, unique within the provider and kind.</summary>
    public string Id { get; }

    /// <summary>Name to show the agent.</summary>
    public string Name { get; }

    /// <summary>Capture or render.</summary>
    public AudioDeviceKind Kind { get; }

    /// <inheritdoc/>
    public bool Equals(AudioDeviceInfo? other) => other is not null && other.Kind == Kind && string.Equals(other.Id, Id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AudioDeviceInfo);

    /// <inheritdoc/>
    public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(Id) * 397) ^ (int)Kind;

    /// <inheritdoc/>
    public override string ToString() => Kind + " " + Name + " (" + Id + ")";
}
