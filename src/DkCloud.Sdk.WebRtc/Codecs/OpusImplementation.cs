namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>The code that encodes and decodes Opus.</summary>
public enum OpusImplementation
{
    /// <summary>
    /// Concentus, a managed port of libopus: runs everywhere without native code, but takes about twice the CPU of
    /// libopus and allocates some 130 KB per 20 ms frame.
    /// </summary>
    Managed,

    /// <summary>The system's native libopus (<c>opus.dll</c>, <c>libopus.so.0</c>, <c>libopus.dylib</c>), through P/Invoke.</summary>
    Native,
}
