namespace DkCloud.Sdk.Events;

/// <summary><c>dky:play_dtmf</c>: digits were sent on the call (7.3.16).</summary>
public sealed class PlayDtmfEventArgs : DkyEventArgs
{
    /// <summary>The digits (<c>digit</c>).</summary>
    public string? Digit { get; init; }

    /// <summary><c>error</c> when it failed (<c>state</c>).</summary>
    public string? State { get; init; }

    /// <summary>The error description (<c>description</c>).</summary>
    public string? Description { get; init; }
}
