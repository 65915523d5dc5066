namespace DkCloud.Sdk.Events;

/// <summary><c>dky:agentWebsocketOpen</c> / <c>dky:agentWebsocketClose</c>: the agent WebSocket opened or closed.</summary>
public sealed class AgentWebSocketEventArgs : DkyEventArgs
{
    /// <summary><c>open</c> or <c>close</c> (<c>state</c>).</summary>
    public string? State { get; init; }

    /// <summary>Why it closed, when known (<c>description</c>).</summary>
    public string? Description { get; init; }
}
