using System;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>Checks shared by sources and sinks.</summary>
internal static class AudioFrames
{
    /// <summary>Samples in 20 ms at <paramref name="sampleRate"/>.</summary>
    public static int SamplesPerFrame(int sampleRate) => sampleRate / 50;

    /// <summary>Throws unless <paramref name="sampleRate"/> is a positive multiple of 50 up to 192 kHz.</summary>
    public static void ValidateRate(int sampleRate, string parameterName)
    {
        if (sampleRate <= 0 || sampleRate % 50 != 0 || sampleRate > 192000)
        {
            throw new ArgumentOutOfRangeException(parameterName, "The sample rate must be a multiple of 50 Hz up to 192 kHz.");
        }
    }

    /// <summary>Throws unless <paramref name="length"/> is one 20 ms frame at <paramref name="sampleRate"/>.</summary>
    public static void ValidateFrame(int length, int sampleRate, string parameterName)
    {
        if (length != sampleRate / 50)
        {
            throw new ArgumentException("A frame holds 20 ms: " + (sampleRate / 50) + " samples at " + sampleRate + " Hz.", parameterName);
        }
    }
}
