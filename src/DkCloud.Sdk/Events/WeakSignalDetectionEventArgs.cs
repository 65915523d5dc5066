namespace DkCloud.Sdk.Events;

/// <summary><c>dky:weakSignalDetection</c>: the extension dropped while the agent link is fine; it reconnects (7.5.8).</summary>
public sealed class WeakSignalDetectionEventArgs : DkyEventArgs
{
    /// <summary>Description (<c>message</c>).</summary>
    public string? Message { get; init; }

    /// <summary><c>error</c> or <c>success</c> (<c>state</c>).</summary>
    public string? State { get; init; }

    /// <summary>When (<c>time</c>).</summary>
    public string? Time { get; init; }
}
