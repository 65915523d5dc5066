using System;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>What the jitter buffer did with the packets it received, since the call started.</summary>
public sealed class JitterBufferStatistics
{
    /// <summary>Packets accepted into the buffer.</summary>
    public long Received { get; internal set; }

    /// <summary>Frames played from their own packet.</summary>
    public long Decoded { get; internal set; }

    /// <summary>Packets that arrived after their playout time and were dropped.</summary>
    public long Late { get; internal set; }

    /// <summary>Frames whose packet had not arrived at playout time (lost or late).</summary>
    public long Lost { get; internal set; }

    /// <summary>Frames made up by loss concealment (PLC), FEC excluded.</summary>
    public long Concealed { get; internal set; }

    /// <summary>Frames rebuilt from in-band FEC.</summary>
    public long ForwardErrorCorrected { get; internal set; }

    /// <summary>Packets dropped to bring the delay down, or because the buffer was full.</summary>
    public long Discarded { get; internal set; }

    /// <summary>Packets received twice.</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Frames of comfort noise played.</summary>
    public long ComfortNoise { get; internal set; }

    /// <summary>Frames of silence played (buffering, hold).</summary>
    public long Silence { get; internal set; }

    /// <summary>Times the sender's SSRC changed and the buffer started over.</summary>
    public long SsrcChanges { get; internal set; }

    /// <summary>Audio queued ahead of the speaker now.</summary>
    public TimeSpan CurrentDelay { get; internal set; }

    /// <summary>The delay the buffer is steering towards, from the measured jitter.</summary>
    public TimeSpan TargetDelay { get; internal set; }

    /// <summary>Interarrival jitter (RFC 3550 §6.4.1) in milliseconds.</summary>
    public double JitterMilliseconds { get; internal set; }

    /// <summary>A copy of the current values.</summary>
    public JitterBufferStatistics Snapshot() => (JitterBufferStatistics)MemberwiseClone();
}
