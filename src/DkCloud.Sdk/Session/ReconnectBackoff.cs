using System;

namespace DkCloud.Sdk.Session;

/// <summary>
/// The delay before reconnect attempt <c>n</c> (1-based): the base delay doubling each attempt, capped, with
/// ±30 % jitter so that thousands of agents cut off together do not come back together. Pure: the random value
/// is given.
/// </summary>
internal static class ReconnectBackoff
{
    public const double Jitter = 0.3;

    /// <param name="attempt">1 for the first retry.</param>
    /// <param name="baseDelay">The first delay before jitter.</param>
    /// <param name="maxDelay">The cap before jitter.</param>
    /// <param name="random">A value in [0, 1).</param>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        if (attempt < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt));
        }

        var exponent = Math.Min(attempt - 1, 30);
        var ticks = Math.Min(baseDelay.Ticks * Math.Pow(2, exponent), maxDelay.Ticks);
        var factor = 1 + (((random * 2) - 1) * Jitter);
        return TimeSpan.FromTicks((long)(ticks * factor));
    }
}
