using System;

namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>NTP timestamps as RTCP uses them (RFC 3550 section 4) and round-trip time from LSR/DLSR (section 6.4.1).</summary>
internal static class NtpTime
{
    private static readonly DateTimeOffset Epoch = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The 64-bit NTP timestamp (32.32 fixed point seconds since 1900) of <paramref name="time"/>.</summary>
    public static ulong FromDateTimeOffset(DateTimeOffset time)
    {
        long ticks = (time - Epoch).Ticks;
        ulong seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        ulong fraction = ((ulong)(ticks % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    /// <summary>The middle 32 bits of an NTP timestamp (16.16 seconds), the unit of LSR and of "now" in RTT.</summary>
    public static uint Middle32(ulong ntpTimestamp) => (uint)(ntpTimestamp >> 16);

    /// <summary>
    /// Round-trip time seen by the sender of an SR: arrival time of the report block A minus LSR minus DLSR, all in
    /// 1/65536 s, computed modulo 2^32. False when LSR is 0 (no SR received yet) or the result is negative.
    /// </summary>
    public static bool TryGetRoundTripTime(uint arrivalMiddle32, uint lastSenderReport, uint delaySinceLastSenderReport, out TimeSpan roundTrip)
    {
        roundTrip = TimeSpan.Zero;
        if (lastSenderReport == 0)
        {
            return false;
        }

        int units = unchecked((int)(arrivalMiddle32 - lastSenderReport - delaySinceLastSenderReport));
        if (units < 0)
        {
            return false;
        }

        roundTrip = TimeSpan.FromTicks(units * TimeSpan.TicksPerSecond / 65536);
        return true;
    }
}
