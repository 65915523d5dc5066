using System;
using System.Threading;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>
/// The call's microphone socket: reads whichever source is plugged in, at a fixed rate, and lets the device change
/// mid-call without renegotiation. <see cref="Switch"/> takes effect at the next frame, so the far end hears the new
/// device with no gap longer than one frame; a source at another rate is resampled. Mute is not here: it belongs to
/// the call's send path, so changing the device never undoes it.
/// </summary>
/// <remarks>
/// <see cref="Switch"/> may be called from any thread while the media thread reads. The previous source is not
/// disposed: its owner decides.
/// </remarks>
public sealed class SwitchableAudioSource : IAudioSource
{
    private SourceRoute _route;
    private long _switches;

    /// <summary>Creates the socket at <paramref name="sampleRate"/> with <paramref name="initial"/> plugged in.</summary>
    public SwitchableAudioSource(IAudioSource initial, int sampleRate = 48000)
    {
        if (initial is null)
        {
            throw new ArgumentNullException(nameof(initial));
        }

        AudioFrames.ValidateRate(sampleRate, nameof(sampleRate));
        SampleRate = sampleRate;
        _route = new SourceRoute(initial, sampleRate);
    }

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <summary>The source plugged in now.</summary>
    public IAudioSource Current => Volatile.Read(ref _route).Source;

    /// <summary>How many times the source was switched.</summary>
    public long Switches => Interlocked.Read(ref _switches);

    /// <summary>Plugs in <paramref name="source"/>; the next frame read comes from it.</summary>
    /// <returns>The source that was plugged in before.</returns>
    public IAudioSource Switch(IAudioSource source)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        AudioFrames.ValidateRate(source.SampleRate, nameof(source));
        SourceRoute previous = Interlocked.Exchange(ref _route, new SourceRoute(source, SampleRate));
        Interlocked.Increment(ref _switches);
        return previous.Source;
    }

    /// <inheritdoc/>
    public bool ReadFrame(Span<short> frame)
    {
        AudioFrames.ValidateFrame(frame.Length, SampleRate, nameof(frame));
        return Volatile.Read(ref _route).Read(frame);
    }
}
