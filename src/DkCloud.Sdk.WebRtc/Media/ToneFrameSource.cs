using System;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>A continuous sine tone.</summary>
internal sealed class ToneFrameSource : IAudioFrameSource
{
    private readonly ToneGenerator _generator;

    /// <summary>Creates a tone of <paramref name="frequency"/> Hz at 8 kHz.</summary>
    public ToneFrameSource(double frequency, double amplitude = 0.3)
    {
        _generator = new ToneGenerator(frequency, MediaSession.SampleRate, amplitude);
    }

    /// <summary>The tone's frequency in Hz.</summary>
    public double Frequency => _generator.Frequency;

    /// <inheritdoc />
    public void Read(Span<short> frame) => _generator.Fill(frame);
}
