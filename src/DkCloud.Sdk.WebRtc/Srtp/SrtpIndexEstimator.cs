namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>Guesses the rollover counter of a received sequence number (RFC 3711 Appendix A).</summary>
internal static class SrtpIndexEstimator
{
    /// <summary>
    /// Returns the guessed ROC (v) for <paramref name="sequence"/> given the stream's current
    /// <paramref name="roc"/> and highest sequence number <paramref name="highest"/> (s_l). The result is -1 when the
    /// packet would belong before the first rollover period.
    /// </summary>
    public static long GuessRoc(uint roc, ushort highest, ushort sequence)
    {
        if (highest < 32768)
        {
            return sequence - highest > 32768 ? (long)roc - 1 : roc;
        }

        return highest - 32768 > sequence ? (long)roc + 1 : roc;
    }

    /// <summary>The 48-bit packet index 2^16 * v + SEQ.</summary>
    public static ulong Index(long guessedRoc, ushort sequence) => ((ulong)guessedRoc << 16) | sequence;
}
