using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

/// <summary>A speaker that notes, frame by frame, which of a set of tones it heard (0 when none).</summary>
internal sealed class ToneProbeSink : IAudioSink
{
    private readonly ToneDetector[] _detectors;

    public ToneProbeSink(int sampleRate, params double[] frequencies)
    {
        SampleRate = sampleRate;
        _detectors = Array.ConvertAll(frequencies, f => new ToneDetector(f, sampleRate, minimumDbfs: -20, minimumShareOfPower: 0.5));
    }

    public int SampleRate { get; }

    public List<double> Heard { get; } = new();

    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        double heard = 0;
        foreach (ToneDetector detector in _detectors)
        {
            if (detector.IsPresent(frame))
            {
                heard = detector.Frequency;
            }
        }

        Heard.Add(heard);
    }

    /// <summary>Longest run of frames without any tone, between the first and the last frame with one.</summary>
    public int LongestGap() => LongestGap(0, Heard.Count);

    public int LongestGap(int from, int to)
    {
        int first = Heard.FindIndex(from, to - from, f => f != 0);
        int last = Heard.FindLastIndex(to - 1, to - from, f => f != 0);
        int longest = 0;
        int run = 0;
        for (int i = first; first >= 0 && i <= last; i++)
        {
            run = Heard[i] == 0 ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
