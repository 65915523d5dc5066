namespace DkCloud.Sdk.WebRtc.Quality;

/// <summary>A call quality problem the agent should hear about.</summary>
public enum CallQualityWarning
{
    /// <summary>Round-trip time above the threshold (default 400 ms).</summary>
    HighRoundTripTime,

    /// <summary>Interarrival jitter above the threshold (default 30 ms).</summary>
    HighJitter,

    /// <summary>Packet loss above the threshold (default 3 %).</summary>
    HighPacketLoss,

    /// <summary>Estimated MOS below the threshold (default 3.5).</summary>
    LowMos,

    /// <summary>No audio packets received for the threshold (default 3 s).</summary>
    NoPacketsReceived,

    /// <summary>The microphone level has not moved at all: a dead or disconnected microphone.</summary>
    ConstantAudioInputLevel,
}
