using System;
using System.Runtime.InteropServices;
#if NET
using System.Reflection;
#endif

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>
/// The few entry points of the system's native libopus (opus_defines.h, opus.h) the Opus codecs use, and whether the
/// library loads. The runtime's usual probing finds <c>opus.dll</c>, <c>libopus.so</c> and <c>libopus.dylib</c>; on
/// .NET 8 and later the versioned names that distributions install without their development package are tried as
/// well (<c>libopus.so.0</c> on Debian, Ubuntu and Fedora, <c>libopus.0.dylib</c> from Homebrew).
/// </summary>
/// <remarks>
/// Concentus's own loader is not used: it looks only for <c>libopus.so</c>, and when it does not find one it deletes
/// any <c>libopus.so</c> in the current directory and copies in one from <c>./runtimes/</c>.
/// </remarks>
internal static class OpusNative
{
    /// <summary>OPUS_OK.</summary>
    public const int Ok = 0;

    /// <summary>OPUS_APPLICATION_VOIP.</summary>
    public const int ApplicationVoip = 2048;

    /// <summary>OPUS_SET_BITRATE_REQUEST.</summary>
    public const int SetBitrate = 4002;

    /// <summary>OPUS_GET_BITRATE_REQUEST.</summary>
    public const int GetBitrate = 4003;

    /// <summary>OPUS_SET_MAX_BANDWIDTH_REQUEST.</summary>
    public const int SetMaxBandwidth = 4004;

    /// <summary>OPUS_GET_MAX_BANDWIDTH_REQUEST.</summary>
    public const int GetMaxBandwidth = 4005;

    /// <summary>OPUS_SET_COMPLEXITY_REQUEST.</summary>
    public const int SetComplexity = 4010;

    /// <summary>OPUS_GET_COMPLEXITY_REQUEST.</summary>
    public const int GetComplexity = 4011;

    /// <summary>OPUS_SET_INBAND_FEC_REQUEST.</summary>
    public const int SetInbandFec = 4012;

    /// <summary>OPUS_GET_INBAND_FEC_REQUEST.</summary>
    public const int GetInbandFec = 4013;

    /// <summary>OPUS_SET_PACKET_LOSS_PERC_REQUEST.</summary>
    public const int SetPacketLossPercent = 4014;

    /// <summary>OPUS_GET_PACKET_LOSS_PERC_REQUEST.</summary>
    public const int GetPacketLossPercent = 4015;

    /// <summary>OPUS_SET_DTX_REQUEST.</summary>
    public const int SetDtx = 4016;

    /// <summary>OPUS_GET_DTX_REQUEST.</summary>
    public const int GetDtx = 4017;

    /// <summary>OPUS_SET_SIGNAL_REQUEST.</summary>
    public const int SetSignal = 4024;

    /// <summary>OPUS_GET_SIGNAL_REQUEST.</summary>
    public const int GetSignal = 4025;

    /// <summary>OPUS_RESET_STATE.</summary>
    public const int ResetState = 4028;

    /// <summary>OPUS_SIGNAL_VOICE.</summary>
    public const int SignalVoice = 3001;

    /// <summary>OPUS_BANDWIDTH_NARROWBAND; medium, wide, super-wide and full band follow one by one.</summary>
    public const int BandwidthNarrowband = 1101;

    private const string Library = "opus";

    private static readonly Lazy<Probe> Status = new(ProbeLibrary);

    /// <summary>True when libopus loaded (probed once, on first use).</summary>
    public static bool IsAvailable => Status.Value.Version is not null;

    /// <summary>libopus's version string, such as <c>libopus 1.3.1</c>, or null when it did not load.</summary>
    public static string? Version => Status.Value.Version;

    /// <summary>The library name that loaded, such as <c>libopus.so.0</c>, or null (not loaded, or loaded by the application's own resolver).</summary>
    public static string? LoadedName => Status.Value.LoadedName;

    /// <summary>Why libopus is not used, or null when it loaded.</summary>
    public static string? Failure => Status.Value.Failure;

    /// <summary>
    /// Throws unless libopus loaded. Every native codec calls it before its first P/Invoke, so the library is found
    /// by the probe's resolver rather than bound by the runtime's default probing alone.
    /// </summary>
    public static void EnsureLoaded()
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException("Native libopus did not load: " + Failure + ".");
        }
    }

    /// <summary>The text of an Opus error code.</summary>
    public static string ErrorText(int error)
    {
        IntPtr text = opus_strerror(error);
        return (text == IntPtr.Zero ? null : Marshal.PtrToStringAnsi(text)) ?? "error " + error;
    }

    /// <summary>Creates an encoder state.</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern OpusEncoderHandle opus_encoder_create(int sampleRate, int channels, int application, out int error);

    /// <summary>Encodes one frame of 16-bit PCM.</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int opus_encode(OpusEncoderHandle encoder, ref short pcm, int frameSize, ref byte data, int maxDataBytes);

    /// <summary>Sets an encoder parameter. The C function is variadic; one int argument passes alike on the ABIs we call it on.</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int opus_encoder_ctl(OpusEncoderHandle encoder, int request, int value);

    /// <summary>Reads an encoder parameter.</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int opus_encoder_ctl(OpusEncoderHandle encoder, int request, out int value);

    /// <summary>Creates a decoder state.</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern OpusDecoderHandle opus_decoder_create(int sampleRate, int channels, out int error);

    /// <summary>Decodes a packet, or its in-band FEC with <paramref name="decodeFec"/> 1.</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int opus_decode(OpusDecoderHandle decoder, ref byte data, int length, ref short pcm, int frameSize, int decodeFec);

    /// <summary>Packet loss concealment: decodes no packet (<paramref name="data"/> is null).</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int opus_decode(OpusDecoderHandle decoder, IntPtr data, int length, ref short pcm, int frameSize, int decodeFec);

    /// <summary>A decoder request without an argument (<see cref="ResetState"/>).</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int opus_decoder_ctl(OpusDecoderHandle decoder, int request);

    /// <summary>Frees an encoder state.</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void opus_encoder_destroy(IntPtr encoder);

    /// <summary>Frees a decoder state.</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void opus_decoder_destroy(IntPtr decoder);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr opus_get_version_string();

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr opus_strerror(int error);

    private static Probe ProbeLibrary()
    {
        if (RuntimeInformation.ProcessArchitecture == Architecture.Arm64 && IsApple())
        {
            // Apple's ARM64 ABI passes variadic arguments on the stack, so opus_encoder_ctl cannot be called as a
            // function with fixed arguments there.
            return new Probe(null, null, "opus_encoder_ctl is variadic, which P/Invoke cannot call on Apple ARM64");
        }

        string? loadedName = null;
        string notFound = "no libopus found";
#if NET
        var resolver = new Resolver();
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(OpusNative).Assembly, resolver.Resolve);
            notFound = "no libopus found as " + string.Join(", ", Resolver.Names);
        }
        catch (InvalidOperationException)
        {
            // The application resolves this assembly's native libraries itself; its choice stands.
        }
#endif
        try
        {
            IntPtr version = opus_get_version_string();
#if NET
            loadedName = resolver.LoadedName;
#endif
            string? text = version == IntPtr.Zero ? null : Marshal.PtrToStringAnsi(version);
            return text is null ? new Probe(null, null, "opus_get_version_string returned nothing") : new Probe(text, loadedName, null);
        }
        catch (DllNotFoundException)
        {
            // The runtime's message lists every path it probed; the names tried say enough.
            return new Probe(null, null, notFound);
        }
        catch (EntryPointNotFoundException e)
        {
            return new Probe(null, null, e.Message);
        }
        catch (BadImageFormatException e)
        {
            return new Probe(null, null, e.Message);
        }
    }

    private static bool IsApple()
#if NET
        => OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsMacCatalyst();
#else
        => RuntimeInformation.IsOSPlatform(OSPlatform.OSX);
#endif

#if NET
    /// <summary>Maps <c>opus</c> to the first of its names that loads; other libraries go the runtime's usual way.</summary>
    private sealed class Resolver
    {
        // The runtime's usual probing of "opus" first (opus.dll, libopus.so, libopus.dylib beside the application or
        // on the system's path), then the names the runtime packages of distributions install.
        public static readonly string[] Names = [Library, "libopus.so.0", "libopus.0.dylib"];

        private IntPtr _handle;

        public string? LoadedName { get; private set; }

        public IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (!string.Equals(libraryName, Library, StringComparison.Ordinal))
            {
                return IntPtr.Zero;
            }

            // Called once for each entry point bound; the first load serves them all.
            if (_handle != IntPtr.Zero)
            {
                return _handle;
            }

            foreach (string name in Names)
            {
                if (NativeLibrary.TryLoad(name, assembly, searchPath, out IntPtr handle))
                {
                    LoadedName = name;
                    _handle = handle;
                    return handle;
                }
            }

            return IntPtr.Zero;
        }
    }
#endif

    private sealed class Probe
    {
        public Probe(string? version, string? loadedName, string? failure)
        {
            Version = version;
            LoadedName = loadedName;
            Failure = failure;
        }

        public string? Version { get; }

        public string? LoadedName { get; }

        public string? Failure { get; }
    }
}
