using System;
using System.Globalization;
using System.Text.Json;
using DkCloud.Sdk.Events;

namespace DkCloud.Sdk.Protocol;

/// <summary>Turns the bytes of one WebSocket message into a <see cref="ServerMessage"/>, or says what is wrong.</summary>
internal static class MessageDecoder
{
    /// <summary>Nesting deeper than this is refused; the deepest documented payload has three levels.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Decodes a message; on failure returns null and sets <paramref name="error"/>.</summary>
    public static ServerMessage? Decode(ReadOnlyMemory<byte> utf8, out ProtocolErrorEventArgs? error)
    {
        error = null;
        if (!IsValidUtf8(utf8.Span))
        {
            error = new ProtocolErrorEventArgs(ProtocolErrorKind.MalformedJson, "Not valid UTF-8.", null);
            return null;
        }

        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(utf8, DocumentOptions);
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            error = new ProtocolErrorEventArgs(ProtocolErrorKind.MalformedJson, "Not valid UTF-8 JSON: " + ex.Message, null);
            return null;
        }
        catch (ArgumentException ex)
        {
            error = new ProtocolErrorEventArgs(ProtocolErrorKind.MalformedJson, "Not valid UTF-8: " + ex.Message, null);
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            error = new ProtocolErrorEventArgs(ProtocolErrorKind.MalformedJson, $"Expected a JSON object, got {root.ValueKind}.", null);
            return null;
        }

        var type = ReadText(root, "type");
        if (string.IsNullOrEmpty(type))
        {
            error = new ProtocolErrorEventArgs(ProtocolErrorKind.InvalidField, "The message has no 'type'.", null);
            return null;
        }

        var requestId = ReadText(root, "requestId");
        var codeText = ReadText(root, "code");
        if (codeText is null && root.TryGetProperty("code", out var codeElement) && codeElement.ValueKind != JsonValueKind.Null)
        {
            error = new ProtocolErrorEventArgs(ProtocolErrorKind.InvalidField, $"The 'code' is a {codeElement.ValueKind}.", type);
            return null;
        }

        var code = DkyErrorCodes.Success;
        if (!string.IsNullOrEmpty(codeText) &&
            !int.TryParse(codeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out code))
        {
            error = new ProtocolErrorEventArgs(ProtocolErrorKind.InvalidField, "The 'code' is not a number.", type);
            return null;
        }

        return new ServerMessage(root, type!, requestId, code, ReadText(root, "message") ?? string.Empty);
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(false, true);

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        return System.Text.Unicode.Utf8.IsValid(bytes);
#else
        try
        {
            StrictUtf8.GetCharCount(bytes.ToArray());
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
#endif
    }

    /// <summary>A property as text whether it was sent as a string, a number or a boolean; null otherwise.</summary>
    public static string? ReadText(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }
}
