namespace DkCloud.Sdk.Events;

/// <summary><c>dky:agentExit</c>: the agent logged out (7.1.4).</summary>
public sealed class AgentExitEventArgs : EnvelopeEventArgs
{
}
