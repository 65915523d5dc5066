namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>States of a candidate pair in a checklist (RFC 8445 section 6.1.2.6).</summary>
internal enum IceCandidatePairState
{
    /// <summary>Not checked yet and not allowed to be (another pair of its foundation goes first).</summary>
    Frozen,

    /// <summary>Will be checked when the pacing timer reaches it.</summary>
    Waiting,

    /// <summary>A check was sent and has not finished.</summary>
    InProgress,

    /// <summary>A check succeeded; the pair is valid.</summary>
    Succeeded,

    /// <summary>The check timed out or was refused.</summary>
    Failed,
}
