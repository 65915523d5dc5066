using System;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Emulator.Media;

/// <summary>The emulator's music on hold: two notes, C5 and E5 (523 Hz and 659 Hz), a quarter of a second each.</summary>
internal sealed class HoldMusicSource : IAudioFrameSource
{
    /// <summary>The lower note.</summary>
    public const double LowNote = 523;

    /// <summary>The higher note.</summary>
    public const double HighNote = 659;

    private const int FramesPerNote = 12;
    private readonly ToneGenerator _low = new(LowNote, MediaSession.SampleRate, 0.3);
    private readonly ToneGenerator _high = new(HighNote, MediaSession.SampleRate, 0.3);
    private int _frame;

    public void Read(Span<short> frame)
    {
        var note = (_frame++ / FramesPerNote) % 2 == 0 ? _low : _high;
        note.Fill(frame);
    }
}
