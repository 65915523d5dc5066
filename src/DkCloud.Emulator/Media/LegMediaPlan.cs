namespace DkCloud.Emulator.Media;

/// <summary>One agent leg that rings or talks on a WebRTC extension registered at the emulator.</summary>
/// <param name="LegKey">The leg's party id (its channel id).</param>
/// <param name="Extension">The extension to call.</param>
/// <param name="CallerNumber">The number shown to the agent (From display name).</param>
internal sealed record LegMediaPlan(string LegKey, string Extension, string CallerNumber);
