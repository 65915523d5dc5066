namespace DkCloud.Sdk.Events;

/// <summary><c>dky:realTimeData</c>: the agent's call counters, after login and after each call (7.5.2).</summary>
public sealed class RealTimeDataEventArgs : DkyEventArgs
{
    /// <summary>Outbound calls (<c>callCount</c>).</summary>
    public int CallCount { get; init; }

    /// <summary>Connected outbound calls (<c>effectiveCallCount</c>).</summary>
    public int EffectiveCallCount { get; init; }

    /// <summary>Seconds of connected outbound calls (<c>effectiveCallDuration</c>).</summary>
    public int EffectiveCallDuration { get; init; }
}
