using System;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>
/// Where the far end's voice goes: a speaker, a file, nowhere. The call's playout path pushes one 20 ms frame of mono
/// 16-bit PCM at <see cref="SampleRate"/> every 20 ms.
/// </summary>
/// <remarks><see cref="WriteFrame"/> is called from one media thread at a time and must not block for long.</remarks>
public interface IAudioSink
{
    /// <summary>Sample rate in hertz; a multiple of 50.</summary>
    int SampleRate { get; }

    /// <summary>Takes one 20 ms frame (<see cref="SampleRate"/> / 50 samples).</summary>
    void WriteFrame(ReadOnlySpan<short> frame);
}
