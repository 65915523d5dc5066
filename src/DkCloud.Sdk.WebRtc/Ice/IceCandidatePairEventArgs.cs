using System;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>A candidate pair that was selected, or that changed or lost the media path.</summary>
internal sealed class IceCandidatePairEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public IceCandidatePairEventArgs(IceCandidatePair pair, IceCandidatePair? previous)
    {
        Pair = pair;
        Previous = previous;
    }

    /// <summary>The pair concerned.</summary>
    public IceCandidatePair Pair { get; }

    /// <summary>The pair selected before, if any.</summary>
    public IceCandidatePair? Previous { get; }
}
