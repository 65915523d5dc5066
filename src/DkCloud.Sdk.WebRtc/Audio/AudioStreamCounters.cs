using System;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>Cumulative counters of one audio stream; the quality monitor turns two readings into a one-second sample.</summary>
internal readonly struct AudioStreamCounters
{
    /// <summary>Creates a reading.</summary>
    public AudioStreamCounters(long packetsSent, long packetsReceived, long packetsExpected, double jitterMilliseconds, TimeSpan playoutDelay, double inputEnergy, long inputSamples, double outputEnergy, long outputSamples, long concealedFrames)
    {
        PacketsSent = packetsSent;
        PacketsReceived = packetsReceived;
        PacketsExpected = packetsExpected;
        JitterMilliseconds = jitterMilliseconds;
        PlayoutDelay = playoutDelay;
        InputEnergy = inputEnergy;
        InputSamples = inputSamples;
        OutputEnergy = outputEnergy;
        OutputSamples = outputSamples;
        ConcealedFrames = concealedFrames;
    }

    /// <summary>RTP packets sent.</summary>
    public long PacketsSent { get; }

    /// <summary>RTP packets received from the far end: audio, CN and telephone-event (they share the sequence numbers).</summary>
    public long PacketsReceived { get; }

    /// <summary>Packets expected from the sequence numbers (RFC 3550 A.3).</summary>
    public long PacketsExpected { get; }

    /// <summary>Interarrival jitter in milliseconds.</summary>
    public double JitterMilliseconds { get; }

    /// <summary>Audio queued in the jitter buffer.</summary>
    public TimeSpan PlayoutDelay { get; }

    /// <summary>Sum of squared microphone samples (before mute).</summary>
    public double InputEnergy { get; }

    /// <summary>Microphone samples counted.</summary>
    public long InputSamples { get; }

    /// <summary>Sum of squared speaker samples.</summary>
    public double OutputEnergy { get; }

    /// <summary>Speaker samples counted.</summary>
    public long OutputSamples { get; }

    /// <summary>Frames concealed or rebuilt by FEC.</summary>
    public long ConcealedFrames { get; }

    /// <summary>
    /// This reading of an earlier stream of the same call followed by <paramref name="later"/>, a reading of the stream
    /// that replaced it (a codec change): cumulative counters add up, jitter and delay are the later stream's.
    /// </summary>
    public AudioStreamCounters Then(AudioStreamCounters later)
        => new(
            PacketsSent + later.PacketsSent,
            PacketsReceived + later.PacketsReceived,
            PacketsExpected + later.PacketsExpected,
            later.JitterMilliseconds,
            later.PlayoutDelay,
            InputEnergy + later.InputEnergy,
            InputSamples + later.InputSamples,
            OutputEnergy + later.OutputEnergy,
            OutputSamples + later.OutputSamples,
            ConcealedFrames + later.ConcealedFrames);
}
