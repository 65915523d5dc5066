using System;

namespace DkCloud.Sdk.WebRtc.Quality;

/// <summary>One second of a call's audio quality.</summary>
public sealed class CallQualitySample
{
    /// <summary>Creates a sample.</summary>
    public CallQualitySample(TimeSpan elapsed, double jitterMilliseconds, double packetLossPercent, double? roundTripTimeMilliseconds, double inputLevelDbov, double outputLevelDbov, long packetsReceived, double mos)
    {
        Elapsed = elapsed;
        JitterMilliseconds = jitterMilliseconds;
        PacketLossPercent = packetLossPercent;
        RoundTripTimeMilliseconds = roundTripTimeMilliseconds;
        InputLevelDbov = inputLevelDbov;
        OutputLevelDbov = outputLevelDbov;
        PacketsReceived = packetsReceived;
        Mos = mos;
    }

    /// <summary>Time since the call's media started.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Interarrival jitter (RFC 3550) in milliseconds.</summary>
    public double JitterMilliseconds { get; }

    /// <summary>Packets lost in this second, as a percentage of those expected.</summary>
    public double PacketLossPercent { get; }

    /// <summary>Round-trip time from RTCP, when known.</summary>
    public double? RoundTripTimeMilliseconds { get; }

    /// <summary>Microphone level in dBov (0 = full-scale square wave; -127 for digital silence).</summary>
    public double InputLevelDbov { get; }

    /// <summary>Speaker level in dBov.</summary>
    public double OutputLevelDbov { get; }

    /// <summary>Audio packets received in this second.</summary>
    public long PacketsReceived { get; }

    /// <summary>Estimated mean opinion score (1 to 4.5) from the ITU-T G.107 E-model.</summary>
    public double Mos { get; }
}
