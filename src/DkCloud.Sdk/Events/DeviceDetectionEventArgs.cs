namespace DkCloud.Sdk.Events;

/// <summary><c>dky:deviceDetection</c>: whether audio devices work (7.5.5).</summary>
public sealed class DeviceDetectionEventArgs : DkyEventArgs
{
    /// <summary><c>success</c> or <c>error</c> (<c>state</c>).</summary>
    public string? State { get; init; }

    /// <summary>What was found (<c>info</c>).</summary>
    public string? Info { get; init; }
}
