using System;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>One OPTIONS probe to the server finished (the vendor SDK's <c>dky:sipOptions</c> event).</summary>
internal sealed class SipOptionsProbeEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public SipOptionsProbeEventArgs(SipOptionsProbeState state, DateTimeOffset sentAt, DateTimeOffset? receivedAt, TimeSpan? delay, int? statusCode)
    {
        State = state;
        SentAt = sentAt;
        ReceivedAt = receivedAt;
        Delay = delay;
        StatusCode = statusCode;
    }

    /// <summary>Succeeded or failed.</summary>
    public SipOptionsProbeState State { get; }

    /// <summary>When the OPTIONS was sent.</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>When the answer came back; null on failure.</summary>
    public DateTimeOffset? ReceivedAt { get; }

    /// <summary>The round trip; null on failure.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>The status of the answer; null on failure.</summary>
    public int? StatusCode { get; }
}
