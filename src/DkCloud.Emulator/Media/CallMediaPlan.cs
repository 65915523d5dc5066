using System.Collections.Generic;

namespace DkCloud.Emulator.Media;

/// <summary>
/// What the media side must make of one call now, computed by the core under its lock: the SIP legs that must exist
/// (rung or connected WebRTC extensions), the simulated voices, and who hears whom.
/// </summary>
internal sealed record CallMediaPlan(
    string LinkedId,
    bool Ended,
    IReadOnlyList<LegMediaPlan> Legs,
    IReadOnlyList<PartyVoice> Voices,
    string? CustomerRecording,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Routes)
{
    /// <summary>The party id of the simulated customer.</summary>
    public const string Customer = "customer";

    /// <summary>The party id of the music on hold.</summary>
    public const string Music = "music";
}
