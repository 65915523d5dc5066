namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>
/// Chooses the Opus implementation of the calls in this process: native libopus when the system has it, the managed
/// Concentus codec otherwise or when <see cref="PreferNative"/> is false. Both produce standard Opus and talk to each
/// other and to any other Opus peer.
/// </summary>
/// <remarks>
/// Install libopus to get the native codec: the <c>libopus0</c> package on Debian and Ubuntu, <c>opus</c> on Fedora
/// and Homebrew, or <c>opus.dll</c> beside the application on Windows. The choice is made when a call's codecs are
/// created, so a change applies to calls (and codec changes) from then on.
/// </remarks>
public static class OpusCodec
{
    /// <summary>
    /// Whether Opus codecs use native libopus when it loads (true, the default) or always the managed codec (false).
    /// </summary>
    public static bool PreferNative { get; set; } = true;

    /// <summary>The implementation Opus codecs created now get.</summary>
    public static OpusImplementation Implementation => PreferNative && OpusNative.IsAvailable ? OpusImplementation.Native : OpusImplementation.Managed;

    /// <summary>Whether native libopus loaded; probed once, on first use.</summary>
    public static bool IsNativeAvailable => OpusNative.IsAvailable;

    /// <summary>The version of the native libopus that loaded, such as <c>libopus 1.3.1</c>; null when it did not load.</summary>
    public static string? NativeVersion => OpusNative.Version;

    /// <summary>Why native libopus did not load (the loader's message), or null when it loaded.</summary>
    public static string? NativeLoadFailure => OpusNative.Failure;

    /// <summary>One line for a log: the implementation in use and, for the managed one, why.</summary>
    public static string Describe()
    {
        if (Implementation == OpusImplementation.Native)
        {
            return "native " + OpusNative.Version + (OpusNative.LoadedName is { } name ? " (" + name + ")" : string.Empty);
        }

        return PreferNative
            ? "managed Concentus; native libopus did not load: " + OpusNative.Failure
            : "managed Concentus (native libopus not preferred)";
    }
}
