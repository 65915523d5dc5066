namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>
/// Cryptographic state of one SSRC in one direction: rollover counter, highest sequence number and replay windows for
/// SRTP, the SRTCP index and its replay window. Never shared between SSRCs.
/// </summary>
internal sealed class SrtpStreamState
{
    /// <summary>False until the first SRTP packet of this SSRC was sent or accepted (SRTCP may come first).</summary>
    public bool RtpStarted { get; private set; }

    /// <summary>The rollover counter: how many times the 16-bit sequence number wrapped.</summary>
    public uint Roc { get; set; }

    /// <summary>s_l: the highest sequence number accepted or sent in the current ROC period.</summary>
    public ushort HighestSequence { get; set; }

    /// <summary>The SRTP replay window over 48-bit packet indices.</summary>
    public SrtpReplayWindow RtpWindow { get; } = new SrtpReplayWindow();

    /// <summary>The SRTCP replay window over 31-bit SRTCP indices.</summary>
    public SrtpReplayWindow RtcpWindow { get; } = new SrtpReplayWindow();

    /// <summary>The next SRTCP index to send.</summary>
    public uint NextRtcpIndex { get; set; }

    /// <summary>The guessed ROC (v) of <paramref name="sequence"/>; 0 before the first packet, -1 when before the first period.</summary>
    public long GuessRoc(ushort sequence) =>
        RtpStarted ? SrtpIndexEstimator.GuessRoc(Roc, HighestSequence, sequence) : 0;

    /// <summary>Applies RFC 3711 section 3.3.1 after a packet with guessed ROC <paramref name="v"/> was accepted.</summary>
    public void Advance(long v, ushort sequence)
    {
        if (!RtpStarted)
        {
            RtpStarted = true;
            Roc = (uint)v;
            HighestSequence = sequence;
        }
        else if (v == Roc + 1L)
        {
            Roc = (uint)v;
            HighestSequence = sequence;
        }
        else if (v == Roc && sequence > HighestSequence)
        {
            HighestSequence = sequence;
        }
    }
}
