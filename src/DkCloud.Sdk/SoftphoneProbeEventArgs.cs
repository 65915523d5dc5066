using System;

namespace DkCloud.Sdk;

/// <summary>One SIP OPTIONS probe of the softphone's server finished (see <see cref="ISoftphone.Probed"/>).</summary>
public sealed class SoftphoneProbeEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="succeeded">Whether the server answered.</param>
    /// <param name="sentAt">When the probe left.</param>
    /// <param name="answeredAt">When the answer came, or null.</param>
    /// <param name="detail">Why it failed, or null.</param>
    public SoftphoneProbeEventArgs(bool succeeded, DateTimeOffset sentAt, DateTimeOffset? answeredAt, string? detail = null)
    {
        Succeeded = succeeded;
        SentAt = sentAt;
        AnsweredAt = answeredAt;
        Detail = detail;
    }

    /// <summary>Whether the server answered.</summary>
    public bool Succeeded { get; }

    /// <summary>When the probe left.</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>When the answer came, or null.</summary>
    public DateTimeOffset? AnsweredAt { get; }

    /// <summary>The round trip, when the server answered.</summary>
    public TimeSpan? Delay => AnsweredAt - SentAt;

    /// <summary>Why it failed, or null.</summary>
    public string? Detail { get; }
}
