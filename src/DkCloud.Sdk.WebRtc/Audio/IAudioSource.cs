using System;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>
/// Where the agent's voice comes from: a microphone, a file, a tone. The call's send path pulls one 20 ms frame of
/// mono 16-bit PCM at <see cref="SampleRate"/> every 20 ms.
/// </summary>
/// <remarks>
/// <see cref="ReadFrame"/> is called from one media thread at a time and must not block for long: a device source
/// hands out what it has captured and fills the rest with silence.
/// </remarks>
public interface IAudioSource
{
    /// <summary>Sample rate in hertz; a multiple of 50 so that 20 ms is a whole number of samples (8000, 16000, 44100, 48000…).</summary>
    int SampleRate { get; }

    /// <summary>Fills <paramref name="frame"/> (<see cref="SampleRate"/> / 50 samples) with the next 20 ms.</summary>
    /// <returns>False when the source has nothing more (the frame is then silence).</returns>
    bool ReadFrame(Span<short> frame);
}
