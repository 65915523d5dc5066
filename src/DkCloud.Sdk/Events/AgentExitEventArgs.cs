using System.Text.Json;

namespace DkCloud.Sdk.Events;

/// <summary><c>dky:agentExit</c>: the agent logged out (7.1.4).</summary>
public sealed class AgentExitEventArgs : EnvelopeEventArgs
{
    /// <summary>The answer's <c>data</c>, empty in the document; kept as JSON for servers that fill it.</summary>
    public JsonElement Data { get; init; }
}
