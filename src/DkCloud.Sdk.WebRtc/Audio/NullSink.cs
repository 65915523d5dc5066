using System;
using System.Threading;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>A sink that discards what it hears and counts the frames: the null speaker.</summary>
public sealed class NullSink : IAudioSink
{
    private long _frames;

    /// <summary>Creates a null sink at <paramref name="sampleRate"/>.</summary>
    public NullSink(int sampleRate = 48000)
    {
        AudioFrames.ValidateRate(sampleRate, nameof(sampleRate));
        SampleRate = sampleRate;
    }

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <summary>Frames written so far.</summary>
    public long FramesWritten => Interlocked.Read(ref _frames);

    /// <inheritdoc/>
    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        AudioFrames.ValidateFrame(frame.Length, SampleRate, nameof(frame));
        Interlocked.Increment(ref _frames);
    }
}
