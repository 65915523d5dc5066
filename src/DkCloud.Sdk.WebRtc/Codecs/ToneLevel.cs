namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>What <see cref="ToneDetector"/> measured for one frame.</summary>
internal readonly struct ToneLevel
{
    /// <summary>Creates a measurement.</summary>
    public ToneLevel(double amplitude, double shareOfPower)
    {
        Amplitude = amplitude;
        ShareOfPower = shareOfPower;
    }

    /// <summary>Estimated peak amplitude of the tone as a fraction of full scale (0 to about 1).</summary>
    public double Amplitude { get; }

    /// <summary>The tone's level in dB relative to a full-scale sine; negative infinity for silence.</summary>
    public double Dbfs => 20 * System.Math.Log10(Amplitude);

    /// <summary>The tone's share of the frame's total power, 0 to 1.</summary>
    public double ShareOfPower { get; }
}
