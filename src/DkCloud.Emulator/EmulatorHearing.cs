namespace DkCloud.Emulator;

/// <summary>What a simulated customer hears at one moment of a call with a WebRTC agent.</summary>
public sealed class EmulatorHearing
{
    /// <summary>The loudest frequency of the last 128 ms in Hz (5 Hz steps), or null for silence (below -40 dBFS).</summary>
    public double? DominantFrequency { get; init; }

    /// <summary>The RMS level of the last 20 ms frame, 0 (silence) to 1 (full scale).</summary>
    public double Level { get; init; }

    /// <summary>How many 20 ms frames the customer has heard so far.</summary>
    public long Frames { get; init; }
}
