using System;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>Request retransmission over UDP (RFC 8489 section 6.2.1).</summary>
internal sealed class StunRetransmissionOptions
{
    /// <summary>Initial retransmission timeout; doubles after each send. RFC 8489 recommends 500 ms.</summary>
    public TimeSpan InitialRto { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Rc: total number of requests sent before giving up. RFC 8489 default 7.</summary>
    public int MaxRequests { get; set; } = 7;

    /// <summary>Rm: after the last request, wait this many times <see cref="InitialRto"/>. RFC 8489 default 16.</summary>
    public int LastWaitMultiplier { get; set; } = 16;

    /// <summary>The wait after request number <paramref name="sent"/> (1-based) before the next send or the failure.</summary>
    public TimeSpan WaitAfter(int sent)
    {
        if (sent >= MaxRequests)
        {
            return TimeSpan.FromTicks(InitialRto.Ticks * LastWaitMultiplier);
        }

        return TimeSpan.FromTicks(InitialRto.Ticks << Math.Min(sent - 1, 30));
    }

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (InitialRto <= TimeSpan.Zero || InitialRto > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialRto));
        }

        if (MaxRequests < 1 || MaxRequests > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequests));
        }

        if (LastWaitMultiplier < 1 || LastWaitMultiplier > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(LastWaitMultiplier));
        }
    }
}
