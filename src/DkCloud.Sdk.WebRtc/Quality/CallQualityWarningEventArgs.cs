using System;

namespace DkCloud.Sdk.WebRtc.Quality;

/// <summary>A warning raised or cleared, with the sample that decided it.</summary>
public sealed class CallQualityWarningEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public CallQualityWarningEventArgs(CallQualityWarning warning, CallQualitySample sample)
    {
        Warning = warning;
        Sample = sample ?? throw new ArgumentNullException(nameof(sample));
    }

    /// <summary>The warning.</summary>
    public CallQualityWarning Warning { get; }

    /// <summary>The sample that raised or cleared it.</summary>
    public CallQualitySample Sample { get; }
}
