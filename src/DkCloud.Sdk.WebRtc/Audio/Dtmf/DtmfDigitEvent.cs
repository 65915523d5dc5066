using System;

namespace DkCloud.Sdk.WebRtc.Audio.Dtmf;

/// <summary>A digit received from the far end.</summary>
internal readonly struct DtmfDigitEvent
{
    /// <summary>Creates the event.</summary>
    public DtmfDigitEvent(char digit, TimeSpan duration, bool endSeen)
    {
        Digit = digit;
        Duration = duration;
        EndSeen = endSeen;
    }

    /// <summary>0-9, *, # or A-D.</summary>
    public char Digit { get; }

    /// <summary>How long the key was held, as the sender reported it.</summary>
    public TimeSpan Duration { get; }

    /// <summary>False when every end packet was lost and the digit was closed by the next event or a timeout.</summary>
    public bool EndSeen { get; }
}
