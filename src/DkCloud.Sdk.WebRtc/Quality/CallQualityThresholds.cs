namespace DkCloud.Sdk.WebRtc.Quality;

/// <summary>
/// When warnings are raised and cleared. A warning is raised when its condition holds in <see cref="RaiseAfter"/> of
/// the last <see cref="Window"/> samples, and cleared after <see cref="ClearAfter"/> samples in a row without it, so a
/// flapping metric gives one warning, not one per second. Defaults follow what Twilio's voice SDK documents.
/// </summary>
public sealed class CallQualityThresholds
{
    /// <summary>Round-trip time above which a sample is bad. Default 400 ms.</summary>
    public double MaxRoundTripTimeMilliseconds { get; set; } = 400;

    /// <summary>Jitter above which a sample is bad. Default 30 ms.</summary>
    public double MaxJitterMilliseconds { get; set; } = 30;

    /// <summary>Loss above which a sample is bad. Default 3 %.</summary>
    public double MaxPacketLossPercent { get; set; } = 3;

    /// <summary>MOS below which a sample is bad. Default 3.5.</summary>
    public double MinMos { get; set; } = 3.5;

    /// <summary>Seconds without a received packet before <see cref="CallQualityWarning.NoPacketsReceived"/>. Default 3.</summary>
    public int NoPacketsSeconds { get; set; } = 3;

    /// <summary>Seconds of an unchanging microphone level before <see cref="CallQualityWarning.ConstantAudioInputLevel"/>. Default 10.</summary>
    public int ConstantLevelSeconds { get; set; } = 10;

    /// <summary>Samples considered for raising. Default 7.</summary>
    public int Window { get; set; } = 7;

    /// <summary>Bad samples within the window that raise the warning. Default 3.</summary>
    public int RaiseAfter { get; set; } = 3;

    /// <summary>Good samples in a row that clear it. Default 5.</summary>
    public int ClearAfter { get; set; } = 5;
}
