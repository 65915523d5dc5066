using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>The base timer values of RFC 3261 §17 (Table 4). All transaction timers derive from these.</summary>
public sealed class SipTimerOptions
{
    /// <summary>T1, the RTT estimate: 500 ms (RFC 3261 §17.1.1.1). Timers B, F, H, J, L, M are 64×T1.</summary>
    public TimeSpan T1 { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>T2, the longest retransmit interval for non-INVITE requests and INVITE responses: 4 s.</summary>
    public TimeSpan T2 { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>T4, how long the network may hold a message: 5 s (Timers I and K on unreliable transports).</summary>
    public TimeSpan T4 { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D on unreliable transports: at least 32 s (RFC 3261 §17.1.1.2).</summary>
    public TimeSpan TimerD { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>64×T1: the transaction timeout (Timers B, F, H, J, L, M and the 2xx retransmission limit).</summary>
    public TimeSpan TransactionTimeout => TimeSpan.FromTicks(T1.Ticks * 64);
}
