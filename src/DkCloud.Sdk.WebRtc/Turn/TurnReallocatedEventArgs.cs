using System;
using System.Net;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>A lost allocation was replaced: another relayed address, with the permissions and channels of the old one.</summary>
internal sealed class TurnReallocatedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public TurnReallocatedEventArgs(IPEndPoint previous, IPEndPoint relayed, TimeSpan lifetime, TurnException reason, int attempts)
    {
        Previous = previous;
        Relayed = relayed;
        Lifetime = lifetime;
        Reason = reason;
        Attempts = attempts;
    }

    /// <summary>The relayed address of the lost allocation (peers still know this one).</summary>
    public IPEndPoint Previous { get; }

    /// <summary>The new relayed transport address.</summary>
    public IPEndPoint Relayed { get; }

    /// <summary>The lifetime the server granted.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Why the old allocation was lost (437 from the server, no answer, or the connection closed).</summary>
    public TurnException Reason { get; }

    /// <summary>Allocate attempts it took (1 when the first one succeeded).</summary>
    public int Attempts { get; }
}
