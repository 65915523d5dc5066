namespace DkCloud.Sdk.Events;

/// <summary><c>dky:networkSituation</c>: the agent link went down (<c>networkDisconnected</c>) or up (<c>networkConnected</c>).</summary>
public sealed class NetworkSituationEventArgs : DkyEventArgs
{
    /// <summary><c>networkDisconnected</c> or <c>networkConnected</c> (<c>state</c>).</summary>
    public string? State { get; init; }
}
