using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Audio.Dtmf;

namespace DkCloud.Sdk.WebRtc.Integration;

/// <summary>
/// The feedback a phone's keypad gives: each digit's DTMF pair for 100 ms, then 60 ms of silence, the shortest
/// timing ITU-T Q.24 asks receivers to accept and close to what desk phones play under the finger.
/// </summary>
internal static class KeypadTones
{
    /// <summary>20 ms frames of tone per digit.</summary>
    public const int ToneFrames = 5;

    /// <summary>20 ms frames of silence after each digit.</summary>
    public const int GapFrames = 3;

    /// <summary>The tones of <paramref name="digits"/> as 20 ms frames at <paramref name="sampleRate"/>; other characters are skipped.</summary>
    public static List<short[]> Frames(string digits, int sampleRate)
    {
        var frames = new List<short[]>();
        foreach (char digit in digits)
        {
            if (!DtmfDigits.IsValid(digit))
            {
                continue;
            }

            var generator = new DtmfToneGenerator(digit, sampleRate);
            for (int i = 0; i < ToneFrames; i++)
            {
                var frame = new short[AudioFrames.SamplesPerFrame(sampleRate)];
                generator.Fill(frame);
                frames.Add(frame);
            }

            for (int i = 0; i < GapFrames; i++)
            {
                frames.Add(new short[AudioFrames.SamplesPerFrame(sampleRate)]);
            }
        }

        return frames;
    }
}
