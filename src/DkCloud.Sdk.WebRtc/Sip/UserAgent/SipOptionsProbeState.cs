namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>The outcome of one OPTIONS probe.</summary>
internal enum SipOptionsProbeState
{
    /// <summary>The server answered (any final response proves it is reachable).</summary>
    Succeeded,
    /// <summary>No answer within 64×T1, or the connection was down.</summary>
    Failed,
}
