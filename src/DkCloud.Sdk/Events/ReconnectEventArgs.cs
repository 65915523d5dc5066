namespace DkCloud.Sdk.Events;

/// <summary><c>dky:reconnect</c>: the agent link or the extension is reconnecting, reconnected, or gave up (7.5.4).</summary>
public sealed class ReconnectEventArgs : DkyEventArgs
{
    /// <summary><c>reconnecting</c>, <c>reconnected</c> or <c>reconnectFail</c> (<c>state</c>).</summary>
    public string? State { get; init; }

    /// <summary>The attempt number (<c>num</c>).</summary>
    public int Num { get; init; }

    /// <summary><c>agent</c> or <c>sip</c> (<c>type</c>).</summary>
    public string? Type { get; init; }

    /// <summary>Description (<c>description</c>).</summary>
    public string? Description { get; init; }
}
