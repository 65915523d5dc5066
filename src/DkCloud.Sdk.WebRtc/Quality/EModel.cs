using System;

namespace DkCloud.Sdk.WebRtc.Quality;

/// <summary>
/// The ITU-T G.107 E-model reduced to what a softphone measures: R = 93.2 - Id - Ie,eff, with the delay impairment
/// Id = 0.024 d + 0.11 (d - 177.3) for d above 177.3 ms, and Ie,eff = Ie + (95 - Ie) Ppl / (Ppl + Bpl) for random loss.
/// Codec values come from ITU-T G.113 Appendix I: G.711 with PLC has Ie 0 and Bpl 25.1. G.113 lists no Opus values;
/// we use Ie 0 and Bpl 30 for Opus with FEC, an assumption that rates it a little above G.711 under loss.
/// </summary>
internal static class EModel
{
    /// <summary>R for a one-way mouth-to-ear <paramref name="delayMilliseconds"/> and <paramref name="lossPercent"/>.</summary>
    public static double RatingFactor(double delayMilliseconds, double lossPercent, double equipmentImpairment, double burstRobustness)
    {
        double d = Math.Max(0, delayMilliseconds);
        double id = (0.024 * d) + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
        double loss = Math.Max(0, Math.Min(100, lossPercent));
        double ie = equipmentImpairment + ((95 - equipmentImpairment) * loss / (loss + burstRobustness));
        return 93.2 - id - ie;
    }

    /// <summary>G.107 Annex B: MOS from R, 1 to 4.5.</summary>
    public static double Mos(double rating)
    {
        if (rating <= 0)
        {
            return 1;
        }

        if (rating >= 100)
        {
            return 4.5;
        }

        return 1 + (0.035 * rating) + (7e-6 * rating * (rating - 60) * (100 - rating));
    }

    /// <summary>
    /// MOS of a call: one-way delay is half the RTT (20 ms when unknown) plus the playout delay plus 2 x jitter and a
    /// 20 ms packetisation, the same jitter allowance as common softphone estimators.
    /// </summary>
    public static double EstimateMos(string codec, double? roundTripMilliseconds, double jitterMilliseconds, TimeSpan playoutDelay, double lossPercent)
    {
        bool opus = string.Equals(codec, "opus", StringComparison.OrdinalIgnoreCase);
        double delay = ((roundTripMilliseconds ?? 40) / 2) + playoutDelay.TotalMilliseconds + (2 * jitterMilliseconds) + 20;
        return Mos(RatingFactor(delay, lossPercent, 0, opus ? 30 : 25.1));
    }
}
