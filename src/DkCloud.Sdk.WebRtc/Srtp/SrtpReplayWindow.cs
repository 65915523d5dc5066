namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>
/// A 64-packet sliding replay window over packet indices (RFC 3711 section 3.3.2). <see cref="Check"/> never changes
/// state; <see cref="Accept"/> is called only after the packet authenticated, so a forged packet cannot move the window.
/// </summary>
internal sealed class SrtpReplayWindow
{
    /// <summary>Number of indices the window remembers.</summary>
    public const int Size = 64;

    private ulong _mask;
    private bool _any;

    /// <summary>Highest index accepted so far.</summary>
    public ulong Highest { get; private set; }

    /// <summary>Decides whether <paramref name="index"/> may be processed: new, or inside the window and not seen.</summary>
    public SrtpReplayCheck Check(ulong index)
    {
        if (!_any || index > Highest)
        {
            return SrtpReplayCheck.New;
        }

        ulong behind = Highest - index;
        if (behind >= Size)
        {
            return SrtpReplayCheck.TooOld;
        }

        return (_mask & (1UL << (int)behind)) != 0 ? SrtpReplayCheck.Replayed : SrtpReplayCheck.New;
    }

    /// <summary>Records an authenticated <paramref name="index"/>.</summary>
    public void Accept(ulong index)
    {
        if (!_any)
        {
            _any = true;
            Highest = index;
            _mask = 1;
            return;
        }

        if (index > Highest)
        {
            ulong ahead = index - Highest;
            _mask = ahead >= Size ? 1 : (_mask << (int)ahead) | 1;
            Highest = index;
            return;
        }

        ulong behind = Highest - index;
        if (behind < Size)
        {
            _mask |= 1UL << (int)behind;
        }
    }
}
