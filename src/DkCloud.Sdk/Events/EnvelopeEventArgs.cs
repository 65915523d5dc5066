using System.Text.Json.Serialization;

namespace DkCloud.Sdk.Events;

/// <summary>An event whose payload is the server's whole envelope (agent login, callphone, call events …).</summary>
public abstract class EnvelopeEventArgs : DkyEventArgs
{
    /// <summary>The agent (system id) the message concerns (<c>agentId</c>).</summary>
    public string? AgentId { get; init; }

    /// <summary>The result code as sent (<c>"200"</c> is success).</summary>
    public string? Code { get; init; }

    /// <summary>Milliseconds since 1970 when the server made the message, when given (<c>createTime</c>).</summary>
    public long? CreateTime { get; init; }

    /// <summary>The integrator's agent id (<c>crmId</c>).</summary>
    public string? CrmId { get; init; }

    /// <summary>The server's event type (<c>eventType</c>), e.g. <c>AgentInterface</c>, <c>RINGING</c>.</summary>
    public string? EventType { get; init; }

    /// <summary>The extension (<c>extension</c>).</summary>
    public string? Extension { get; init; }

    /// <summary>The system agent number (<c>innerAgentId</c>).</summary>
    public string? InnerAgentId { get; init; }

    /// <summary>The server's message (<c>message</c>), e.g. <c>成功</c>.</summary>
    public string? Message { get; init; }

    /// <summary>The enterprise code (<c>projectId</c>).</summary>
    public string? ProjectId { get; init; }

    /// <summary>The request id (<c>requestId</c>).</summary>
    public string? RequestId { get; init; }

    /// <summary>The message type (<c>type</c>), e.g. <c>agentlogin</c>, <c>HANGUP</c>.</summary>
    public string? Type { get; init; }

    /// <summary>True when <see cref="Code"/> is 200.</summary>
    [JsonIgnore]
    public bool IsSuccess => Code == "200";
}
