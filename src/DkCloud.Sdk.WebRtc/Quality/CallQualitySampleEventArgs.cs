using System;

namespace DkCloud.Sdk.WebRtc.Quality;

/// <summary>A new one-second sample.</summary>
public sealed class CallQualitySampleEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public CallQualitySampleEventArgs(CallQualitySample sample)
    {
        Sample = sample ?? throw new ArgumentNullException(nameof(sample));
    }

    /// <summary>The sample.</summary>
    public CallQualitySample Sample { get; }
}
