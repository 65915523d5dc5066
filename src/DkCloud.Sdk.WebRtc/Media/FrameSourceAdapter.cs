using System;
using DkCloud.Sdk.WebRtc.Audio;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>An <see cref="IAudioFrameSource"/> (8 kHz frames) seen as an audio device, so it can sit in the microphone socket.</summary>
internal sealed class FrameSourceAdapter : IAudioSource
{
    /// <summary>Wraps <paramref name="source"/>.</summary>
    public FrameSourceAdapter(IAudioFrameSource source)
    {
        Source = source ?? throw new ArgumentNullException(nameof(source));
    }

    /// <summary>The frame source read.</summary>
    public IAudioFrameSource Source { get; }

    /// <inheritdoc/>
    public int SampleRate => MediaSession.SampleRate;

    /// <inheritdoc/>
    public bool ReadFrame(Span<short> frame)
    {
        Source.Read(frame);
        return true;
    }
}
