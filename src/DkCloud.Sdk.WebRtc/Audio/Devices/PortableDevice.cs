namespace DkCloud.Sdk.WebRtc.Audio.Devices;

/// <summary>What a portable device opens: a WAV path, a tone frequency, or neither (null device).</summary>
internal sealed class PortableDevice
{
    /// <summary>Creates the description.</summary>
    public PortableDevice(string? path, int frequency, bool loop)
    {
        Path = path;
        Frequency = frequency;
        Loop = loop;
    }

    /// <summary>The WAV file, or null.</summary>
    public string? Path { get; }

    /// <summary>The tone frequency, or 0.</summary>
    public int Frequency { get; }

    /// <summary>True when a WAV capture loops.</summary>
    public bool Loop { get; }
}
