using System;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>The allocation was lost: a refresh failed or the server stopped answering.</summary>
internal sealed class TurnFailedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public TurnFailedEventArgs(TurnException error)
    {
        Error = error;
    }

    /// <summary>Why.</summary>
    public TurnException Error { get; }
}
