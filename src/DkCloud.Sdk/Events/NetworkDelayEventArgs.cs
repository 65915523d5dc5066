namespace DkCloud.Sdk.Events;

/// <summary><c>dky:networkDelay</c>: the agent link's round trip, when <see cref="DkyOptions.EnableNetworkDelay"/> is on (7.5.6).</summary>
public sealed class NetworkDelayEventArgs : DkyEventArgs
{
    /// <summary>The session mode (<c>mode</c>).</summary>
    public string? Mode { get; init; }

    /// <summary>Round-trip time in milliseconds (<c>delayTime</c>).</summary>
    public int DelayTime { get; init; }

    /// <summary>Description (<c>description</c>).</summary>
    public string? Description { get; init; }
}
