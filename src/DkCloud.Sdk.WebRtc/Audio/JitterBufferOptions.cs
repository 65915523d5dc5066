using System;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>Bounds of the adaptive jitter buffer that sits between the network and the speaker.</summary>
public sealed class JitterBufferOptions
{
    /// <summary>
    /// Smallest playout delay. Default 40 ms: two frames absorb a packet that is one frame late without concealment.
    /// </summary>
    public TimeSpan MinimumDelay { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// Largest playout delay. Default 300 ms: beyond it the mouth-to-ear delay exceeds ITU-T G.114's 400 ms budget once
    /// the network path is added, and audio queued past it is discarded.
    /// </summary>
    public TimeSpan MaximumDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// How long loss concealment runs when no packet arrives at all; after it the buffer plays silence. Default 100 ms,
    /// beyond which repeated speech sounds robotic.
    /// </summary>
    public TimeSpan MaximumConcealment { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Silence after which the stream counts as paused (hold, mute with DTX) and the next packet restarts playout
    /// from scratch. Default 500 ms.
    /// </summary>
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Throws when a bound is out of range or the bounds contradict each other.</summary>
    public void Validate()
    {
        if (MinimumDelay < TimeSpan.FromMilliseconds(20))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumDelay), "The minimum delay is at least one 20 ms frame.");
        }

        if (MaximumDelay < MinimumDelay || MaximumDelay > TimeSpan.FromSeconds(2))
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumDelay), "The maximum delay lies between the minimum delay and 2 s.");
        }

        if (MaximumConcealment < TimeSpan.Zero || HoldTimeout < MaximumConcealment)
        {
            throw new ArgumentOutOfRangeException(nameof(HoldTimeout), "The hold timeout is at least the maximum concealment.");
        }
    }
}
