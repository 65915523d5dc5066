using System;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Audio.Dtmf;

/// <summary>In-band DTMF: the ITU-T Q.23 pair of a digit, each tone at -9 dBFS, for peers without telephone-event.</summary>
internal sealed class DtmfToneGenerator
{
    private readonly ToneGenerator _row;
    private readonly ToneGenerator _column;
    private readonly short[] _scratch;

    /// <summary>Creates a generator of <paramref name="digit"/> at <paramref name="sampleRate"/> (8, 16 or 48 kHz).</summary>
    public DtmfToneGenerator(char digit, int sampleRate)
    {
        (int row, int column) = DtmfDigits.Position(digit);
        _row = new ToneGenerator(DtmfDigits.RowFrequencies[row], sampleRate, 0.35);
        _column = new ToneGenerator(DtmfDigits.ColumnFrequencies[column], sampleRate, 0.35);
        _scratch = new short[sampleRate / 50];
        Digit = digit;
    }

    /// <summary>The digit generated.</summary>
    public char Digit { get; }

    /// <summary>Fills one frame (up to 20 ms) with the dual tone.</summary>
    public void Fill(Span<short> frame)
    {
        if (frame.Length > _scratch.Length)
        {
            throw new ArgumentException("At most one 20 ms frame.", nameof(frame));
        }

        Span<short> column = _scratch.AsSpan(0, frame.Length);
        _row.Fill(frame);
        _column.Fill(column);
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Max(short.MinValue, Math.Min(short.MaxValue, frame[i] + column[i]));
        }
    }
}
