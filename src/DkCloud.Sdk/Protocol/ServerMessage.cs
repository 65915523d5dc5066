using System.Text.Json;

namespace DkCloud.Sdk.Protocol;

/// <summary>One server message, its envelope fields read; the rest stays in <see cref="Root"/>.</summary>
internal sealed class ServerMessage
{
    public ServerMessage(JsonElement root, string type, string? requestId, int code, string message)
    {
        Root = root;
        Type = type;
        RequestId = requestId;
        Code = code;
        Message = message;
    }

    public JsonElement Root { get; }

    public string Type { get; }

    public string? RequestId { get; }

    /// <summary>The result code; 200 when the message carries none (pushes often do not).</summary>
    public int Code { get; }

    public string Message { get; }

    public bool IsSuccess => Code == DkyErrorCodes.Success;
}
