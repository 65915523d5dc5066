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
        if (!Strongest(_rows, frame, out int row, out ToneLevel rowLevel) || !Strongest(_columns, frame, out int column, out ToneLevel columnLevel))
        {
            return '\0';
        }

        if (Math.Abs(rowLevel.Dbfs - columnLevel.Dbfs) > MaximumTwistDb || rowLevel.ShareOfPower + columnLevel.ShareOfPower < MinimumShare)
        {
            return '\0';
        }

        return DtmfDigits.At(row, column);
    }

    private static bool Strongest(ToneDetector[] group, ReadOnlySpan<short> frame, out int index, out ToneLevel level)
    {
        index = -1;
        level = default;
        double runnerUp = 0;
        for (int i = 0; i < group.Length; i++)
        {
            ToneLevel measured = group[i].Measure(frame);
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
