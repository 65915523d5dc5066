using System;
using System.Text.Json;

namespace DkCloud.Sdk.Protocol;

/// <summary>
/// One server message: its envelope fields, read in one pass, and its bytes. <see cref="Root"/> (a JSON tree)
/// is built only when something asks for it, so the hot path never builds one.
/// </summary>
internal sealed class ServerMessage
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly int _dataStart;
    private readonly int _dataLength;
    private readonly int _messageStart;
    private readonly int _messageLength;
    private JsonElement? _root;
    private string? _message;

    public ServerMessage(ReadOnlyMemory<byte> utf8, string type, string? requestId, int code, int dataStart, int dataLength, int messageStart, int messageLength)
    {
        _utf8 = utf8;
        Type = type;
        RequestId = requestId;
        Code = code;
        _dataStart = dataStart;
        _dataLength = dataLength;
        _messageStart = messageStart;
        _messageLength = messageLength;
    }

    public string Type { get; }

    public string? RequestId { get; }

    /// <summary>The result code; 200 when the message carries none (pushes often do not).</summary>
    public int Code { get; }

    public bool IsSuccess => Code == DkyErrorCodes.Success;

    /// <summary>The whole message's bytes.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8;

    /// <summary>The bytes of the <c>data</c> object, or empty when there is none (or it is not an object).</summary>
    public ReadOnlyMemory<byte> DataUtf8 => _dataStart < 0 ? ReadOnlyMemory<byte>.Empty : _utf8.Slice(_dataStart, _dataLength);

    /// <summary>The server's <c>message</c>, read on first use.</summary>
    public string Message => _message ??= _messageStart < 0 ? string.Empty : MessageDecoder.ReadValueText(_utf8.Slice(_messageStart, _messageLength));

    /// <summary>The message as a JSON tree, built on first use.</summary>
    public JsonElement Root => _root ??= JsonSerializer.Deserialize(_utf8.Span, DkyJsonContext.Default.JsonElement);
}
