namespace DkCloud.Sdk.Events;

/// <summary><c>dky:agentLogin</c>: the answer to agent login (7.1.3).</summary>
public sealed class AgentLoginEventArgs : EnvelopeEventArgs
{
    /// <summary>The login's result data.</summary>
    public AgentLoginData? Data { get; init; }
}
