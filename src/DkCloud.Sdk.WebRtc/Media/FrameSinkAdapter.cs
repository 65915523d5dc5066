using System;
using DkCloud.Sdk.WebRtc.Audio;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>An <see cref="IAudioFrameSink"/> (8 kHz frames) seen as an audio device, so it can sit in the speaker socket.</summary>
internal sealed class FrameSinkAdapter : IAudioSink
{
    /// <summary>Wraps <paramref name="sink"/>.</summary>
    public FrameSinkAdapter(IAudioFrameSink sink)
    {
        Sink = sink ?? throw new ArgumentNullException(nameof(sink));
    }

    /// <summary>The frame sink written.</summary>
    public IAudioFrameSink Sink { get; }

    /// <inheritdoc/>
    public int SampleRate => MediaSession.SampleRate;

    /// <inheritdoc/>
    public void WriteFrame(ReadOnlySpan<short> frame) => Sink.Write(frame);
}
