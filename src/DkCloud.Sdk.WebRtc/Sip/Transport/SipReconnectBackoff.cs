using System;

namespace DkCloud.Sdk.WebRtc.Sip.Transport;

/// <summary>The reconnect delay as a pure function: doubling from the initial delay, jittered, capped.</summary>
internal static class SipReconnectBackoff
{
    /// <summary>
    /// The delay before attempt <paramref name="attempt"/> (0 = first retry): <c>initial × 2^attempt</c>, multiplied
    /// by a factor in [1 − jitter, 1 + jitter] picked by <paramref name="random"/> (a value in [0, 1)), then capped
    /// at <paramref name="max"/>. Safe from overflow for any attempt number.
    /// </summary>
    public static TimeSpan GetDelay(int attempt, TimeSpan initial, TimeSpan max, double jitter, double random)
    {
        if (attempt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt));
        }

        double ticks = initial.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        double factor = 1 - jitter + (2 * jitter * Math.Max(0, Math.Min(random, 1)));
        double jittered = Math.Min(ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)Math.Max(0, jittered));
    }
}
