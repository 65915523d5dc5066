using System;
using System.Collections.Generic;

namespace DkCloud.Sdk;

/// <summary>
/// What a softphone preflight found (see <see cref="DkyClient.PreflightAsync"/>): microphone, speaker, signaling
/// round trip, media reachability and a short loopback call's quality, with every problem in words an app can show.
/// A null value means the check did not run (not configured, or not asked for).
/// </summary>
public sealed class SoftphonePreflightReport
{
    /// <summary>True when no problem was found.</summary>
    public bool Passed => Problems.Count == 0;

    /// <summary>Problems found, one sentence each; empty when everything checked works.</summary>
    public IReadOnlyList<string> Problems { get; init; } = Array.Empty<string>();

    /// <summary>Whether the microphone gave audio (frames, not silence, not a constant level).</summary>
    public bool? MicrophoneWorks { get; init; }

    /// <summary>The microphone's RMS level over the check, in dBFS (0 = full scale).</summary>
    public double? MicrophoneLevelDbfs { get; init; }

    /// <summary>Whether the speaker took the check tone.</summary>
    public bool? SpeakerWorks { get; init; }

    /// <summary>The SIP OPTIONS round trip to the registration server, when an extension is registered.</summary>
    public TimeSpan? SignalingRoundTrip { get; init; }

    /// <summary>The document's grade (7.2.5) of <see cref="SignalingRoundTrip"/>.</summary>
    public LinkQuality? SignalingQuality => SignalingRoundTrip is { } rtt ? LinkQualityGrade.FromDelay((int)rtt.TotalMilliseconds) : null;

    /// <summary>Whether UDP reaches the configured STUN server (the media path without a relay).</summary>
    public bool? UdpReachable { get; init; }

    /// <summary>Whether media needs the TURN relay: UDP does not get through.</summary>
    public bool? TurnNeeded { get; init; }

    /// <summary>The codec of the loopback call.</summary>
    public string? LoopbackCodec { get; init; }

    /// <summary>The E-model MOS (1–4.5) of a short call between two local media stacks: what this machine's audio path can do.</summary>
    public double? LoopbackMos { get; init; }
}
