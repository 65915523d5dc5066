using System.Text.Json.Serialization;

namespace DkCloud.Sdk.Events;

/// <summary>Base of the answers to in-call commands (hold, mute, consult, transfer, meet): who, where, and an error state.</summary>
public abstract class CallControlEventArgs : DkyEventArgs
{
    /// <summary>The command's mode as sent back (<c>mode</c>): hold/unhold, mute/unmute, or 0–3 for transfers.</summary>
    public string? Mode { get; init; }

    /// <summary>The agent's extension (<c>extension</c>).</summary>
    public string? Extension { get; init; }

    /// <summary>The request id (<c>requestId</c>).</summary>
    public string? RequestId { get; init; }

    /// <summary>The agent number (<c>agentNumber</c>).</summary>
    public string? AgentNumber { get; init; }

    /// <summary>The enterprise code (<c>projectId</c>).</summary>
    public string? ProjectId { get; init; }

    /// <summary>Description (<c>description</c>).</summary>
    public string? Description { get; init; }

    /// <summary><c>error</c> when the command failed (<c>state</c>), otherwise null.</summary>
    public string? State { get; init; }

    /// <summary>True when <see cref="State"/> is <c>error</c>.</summary>
    [JsonIgnore]
    public bool IsError => State == "error";
}
