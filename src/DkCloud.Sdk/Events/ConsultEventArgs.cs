namespace DkCloud.Sdk.Events;

/// <summary><c>dky:consult</c>: a consultation started (7.3.9).</summary>
public sealed class ConsultEventArgs : CallControlEventArgs
{
    /// <summary>The agent or number consulted (<c>atxferNumber</c>).</summary>
    public string? AtxferNumber { get; init; }

    /// <summary>The agent consulted (<c>atxferAgentId</c>).</summary>
    public string? AtxferAgentId { get; init; }
}
