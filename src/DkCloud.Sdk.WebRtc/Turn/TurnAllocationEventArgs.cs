using System;
using System.Net;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>An allocation was created or refreshed.</summary>
internal sealed class TurnAllocationEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public TurnAllocationEventArgs(IPEndPoint relayed, TimeSpan lifetime)
    {
        Relayed = relayed;
        Lifetime = lifetime;
    }

    /// <summary>The relayed transport address.</summary>
    public IPEndPoint Relayed { get; }

    /// <summary>The lifetime the server granted.</summary>
    public TimeSpan Lifetime { get; }
}
