using System;
using System.Threading;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>
/// The call's speaker socket: writes to whichever sink is plugged in and lets the device change mid-call; the next
/// frame goes to the new sink, resampled when its rate differs.
/// </summary>
/// <remarks><see cref="Switch"/> may be called from any thread while the media thread writes.</remarks>
public sealed class SwitchableAudioSink : IAudioSink
{
    private SinkRoute _route;

    /// <summary>Creates the socket at <paramref name="sampleRate"/> with <paramref name="initial"/> plugged in.</summary>
    public SwitchableAudioSink(IAudioSink initial, int sampleRate = 48000)
    {
        if (initial is null)
        {
            throw new ArgumentNullException(nameof(initial));
        }

        AudioFrames.ValidateRate(sampleRate, nameof(sampleRate));
        SampleRate = sampleRate;
        _route = new SinkRoute(initial, sampleRate);
    }

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <summary>The sink plugged in now.</summary>
    public IAudioSink Current => Volatile.Read(ref _route).Sink;

    /// <summary>Plugs in <paramref name="sink"/>; the next frame goes to it.</summary>
    /// <returns>The sink that was plugged in before.</returns>
    public IAudioSink Switch(IAudioSink sink)
    {
        if (sink is null)
        {
            throw new ArgumentNullException(nameof(sink));
        }

        AudioFrames.ValidateRate(sink.SampleRate, nameof(sink));
        return Interlocked.Exchange(ref _route, new SinkRoute(sink, SampleRate)).Sink;
    }

    /// <inheritdoc/>
    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        AudioFrames.ValidateFrame(frame.Length, SampleRate, nameof(frame));
        Volatile.Read(ref _route).Write(frame);
    }
}
