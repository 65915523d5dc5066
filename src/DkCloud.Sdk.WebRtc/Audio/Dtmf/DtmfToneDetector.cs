using System;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Audio.Dtmf;

/// <summary>
/// Goertzel DTMF detector over 20 ms frames: a digit is heard when the strongest row and column tones are each above
/// -30 dBFS, each at least 8 dB above the runner-up of its group, within 8 dB of each other (twist) and together
/// carry most of the frame's power. A digit is reported once, after two frames in a row (40 ms, as Q.24 requires),
/// and again only after a frame without it.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class DtmfToneDetector
{
    private const double MinimumDbfs = -30;
    private const double GroupMarginDb = 8;
    private const double MaximumTwistDb = 8;
    private const double MinimumShare = 0.7;
    private readonly ToneDetector[] _rows = new ToneDetector[4];
    private readonly ToneDetector[] _columns = new ToneDetector[4];
    private char _candidate;
    private int _candidateFrames;
    private bool _reported;

    /// <summary>Creates a detector for frames at <paramref name="sampleRate"/>.</summary>
    public DtmfToneDetector(int sampleRate)
    {
        for (int i = 0; i < 4; i++)
        {
            _rows[i] = new ToneDetector(DtmfDigits.RowFrequencies[i], sampleRate);
            _columns[i] = new ToneDetector(DtmfDigits.ColumnFrequencies[i], sampleRate);
        }
    }

    /// <summary>Examines one frame; returns the digit when it is newly detected, '\0' otherwise.</summary>
    public char Process(ReadOnlySpan<short> frame)
    {
        char heard = Classify(frame);
        if (heard == '\0')
        {
            _candidate = '\0';
            _candidateFrames = 0;
            _reported = false;
            return '\0';
        }

        if (heard != _candidate)
        {
            _candidate = heard;
            _candidateFrames = 0;
            _reported = false;
        }

        _candidateFrames++;
        if (_candidateFrames >= 2 && !_reported)
        {
            _reported = true;
            return heard;
        }

        return '\0';
    }

    /// <summary>The digit whose tone pair dominates <paramref name="frame"/>, or '\0'.</summary>
    public char Classify(ReadOnlySpan<short> frame)
    {
        if (frame.IsEmpty)
        {
            return '\0';
        }

        Span<ToneLevel> levels = stackalloc ToneLevel[8];
        MeasureTones(frame, levels);
        if (!Strongest(levels.Slice(0, 4), out int row, out ToneLevel rowLevel) || !Strongest(levels.Slice(4, 4), out int column, out ToneLevel columnLevel))
        {
            return '\0';
        }

        if (Math.Abs(rowLevel.Dbfs - columnLevel.Dbfs) > MaximumTwistDb || rowLevel.ShareOfPower + columnLevel.ShareOfPower < MinimumShare)
        {
            return '\0';
        }

        return DtmfDigits.At(row, column);
    }

    /// <summary>
    /// The levels of the four row tones, then the four column tones: the eight Goertzel filters of
    /// <see cref="ToneDetector.Measure"/> run side by side in one pass over the frame, with the same arithmetic, so
    /// their recurrences overlap in the CPU instead of taking eight passes.
    /// </summary>
    internal void MeasureTones(ReadOnlySpan<short> frame, Span<ToneLevel> levels)
    {
        double c0 = _rows[0].Coefficient, c1 = _rows[1].Coefficient, c2 = _rows[2].Coefficient, c3 = _rows[3].Coefficient;
        double c4 = _columns[0].Coefficient, c5 = _columns[1].Coefficient, c6 = _columns[2].Coefficient, c7 = _columns[3].Coefficient;
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0, q4 = 0, q5 = 0, q6 = 0, q7 = 0;
        double energy = 0;
        for (int i = 0; i < frame.Length; i++)
        {
            double x = frame[i] / 32768.0;
            energy += x * x;
            double t0 = x + (c0 * p0) - q0;
            double t1 = x + (c1 * p1) - q1;
            double t2 = x + (c2 * p2) - q2;
            double t3 = x + (c3 * p3) - q3;
            double t4 = x + (c4 * p4) - q4;
            double t5 = x + (c5 * p5) - q5;
            double t6 = x + (c6 * p6) - q6;
            double t7 = x + (c7 * p7) - q7;
            q0 = p0;
            q1 = p1;
            q2 = p2;
            q3 = p3;
            q4 = p4;
            q5 = p5;
            q6 = p6;
            q7 = p7;
            p0 = t0;
            p1 = t1;
            p2 = t2;
            p3 = t3;
            p4 = t4;
            p5 = t5;
            p6 = t6;
            p7 = t7;
        }

        levels[0] = _rows[0].LevelFrom(p0, q0, energy, frame.Length);
        levels[1] = _rows[1].LevelFrom(p1, q1, energy, frame.Length);
        levels[2] = _rows[2].LevelFrom(p2, q2, energy, frame.Length);
        levels[3] = _rows[3].LevelFrom(p3, q3, energy, frame.Length);
        levels[4] = _columns[0].LevelFrom(p4, q4, energy, frame.Length);
        levels[5] = _columns[1].LevelFrom(p5, q5, energy, frame.Length);
        levels[6] = _columns[2].LevelFrom(p6, q6, energy, frame.Length);
        levels[7] = _columns[3].LevelFrom(p7, q7, energy, frame.Length);
    }

    private static bool Strongest(ReadOnlySpan<ToneLevel> group, out int index, out ToneLevel level)
    {
        index = -1;
        level = default;
        double runnerUp = 0;
        for (int i = 0; i < group.Length; i++)
        {
            ToneLevel measured = group[i];
            if (index < 0 || measured.Amplitude > level.Amplitude)
            {
                runnerUp = index < 0 ? 0 : level.Amplitude;
                index = i;
                level = measured;
            }
            else if (measured.Amplitude > runnerUp)
            {
                runnerUp = measured.Amplitude;
            }
        }

        if (level.Amplitude <= 0 || level.Dbfs < MinimumDbfs)
        {
            return false;
        }

        return runnerUp <= 0 || 20 * Math.Log10(level.Amplitude / runnerUp) >= GroupMarginDb;
    }
}
