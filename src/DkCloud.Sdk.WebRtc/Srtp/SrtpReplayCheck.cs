namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>Outcome of <see cref="SrtpReplayWindow.Check"/>.</summary>
internal enum SrtpReplayCheck
{
    /// <summary>Not seen before; may be authenticated and accepted.</summary>
    New,

    /// <summary>Already accepted.</summary>
    Replayed,

    /// <summary>Older than the window can tell; treated as a replay.</summary>
    TooOld,
}
