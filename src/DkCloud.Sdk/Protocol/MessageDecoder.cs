using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using DkCloud.Sdk.Events;

namespace DkCloud.Sdk.Protocol;

/// <summary>
/// Turns the bytes of one WebSocket message into a <see cref="ServerMessage"/>, or says what is wrong. One
/// forward pass of a <see cref="Utf8JsonReader"/> validates the whole message (UTF-8, syntax, depth) and picks
/// out the envelope's fields; nothing else is allocated.
/// </summary>
internal static class MessageDecoder
{
    /// <summary>Nesting deeper than this is refused; the deepest documented payload has three levels.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Decodes a message; on failure returns null and sets <paramref name="error"/>.</summary>
    public static ServerMessage? Decode(ReadOnlyMemory<byte> utf8, out ProtocolErrorEventArgs? error)
    {
        error = null;
        if (!IsValidUtf8(utf8.Span))
        {
            error = new ProtocolErrorEventArgs(ProtocolErrorKind.MalformedJson, "Not valid UTF-8.", null);
            return null;
        }

        string? type = null;
        string? requestId = null;
        int code = DkyErrorCodes.Success;
        bool badCode = false;
        int dataStart = -1, dataLength = 0, messageStart = -1, messageLength = 0;
        try
        {
            var reader = new Utf8JsonReader(utf8.Span, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = new ProtocolErrorEventArgs(ProtocolErrorKind.MalformedJson, $"Expected a JSON object, got {(reader.TokenType == JsonTokenType.None ? "nothing" : reader.TokenType.ToString())}.", null);
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                var escaped = reader.ValueIsEscaped;
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                if (!escaped && name.SequenceEqual("type"u8))
                {
                    type = reader.TokenType == JsonTokenType.String ? WireTypes.Intern(ref reader) : null;
                }
                else if (!escaped && name.SequenceEqual("requestId"u8))
                {
                    requestId = ScalarText(ref reader);
                }
                else if (!escaped && name.SequenceEqual("code"u8))
                {
                    badCode = !TryReadCode(ref reader, out code);
                }
                else if (!escaped && name.SequenceEqual("message"u8) && reader.TokenType is JsonTokenType.String)
                {
                    messageStart = start;
                    messageLength = (int)reader.BytesConsumed - start;
                }
                else if (!escaped && name.SequenceEqual("data"u8) && reader.TokenType == JsonTokenType.StartObject)
                {
                    reader.Skip();
                    dataStart = start;
                    dataLength = (int)reader.BytesConsumed - start;
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = new ProtocolErrorEventArgs(ProtocolErrorKind.MalformedJson, "Not a single JSON object.", type);
                return null;
            }
        }
        catch (JsonException ex)
        {
            error = new ProtocolErrorEventArgs(ProtocolErrorKind.MalformedJson, "Not valid JSON: " + ex.Message, type);
            return null;
        }

        if (string.IsNullOrEmpty(type))
        {
            error = new ProtocolErrorEventArgs(ProtocolErrorKind.InvalidField, "The message has no 'type'.", null);
            return null;
        }

        if (badCode)
        {
            error = new ProtocolErrorEventArgs(ProtocolErrorKind.InvalidField, "The 'code' is not a number.", type);
            return null;
        }

        return new ServerMessage(utf8, type!, requestId, code, dataStart, dataLength, messageStart, messageLength);
    }

    /// <summary>A property as text whether it was sent as a string, a number or a boolean; null otherwise.</summary>
    public static string? ReadText(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
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

    /// <summary>The text of one JSON string value given as its bytes (quotes included).</summary>
    public static string ReadValueText(ReadOnlyMemory<byte> value)
    {
        var reader = new Utf8JsonReader(value.Span);
        reader.Read();
        return reader.GetString() ?? string.Empty;
    }

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
        _ => SkipAndNull(ref reader),
    };

    private static string? SkipAndNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    /// <summary>Reads <c>code</c> sent as a number or as a string holding one; null counts as absent (200).</summary>
    private static bool TryReadCode(ref Utf8JsonReader reader, out int code)
    {
        code = DkyErrorCodes.Success;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number:
                return reader.TryGetInt32(out code);
            case JsonTokenType.String when !reader.ValueIsEscaped:
                var span = reader.ValueSpan;
                return span.Length == 0 || (Utf8Parser.TryParse(span, out code, out var used) && used == span.Length);
            default:
                reader.Skip();
                return false;
        }
    }

#if !NET8_0_OR_GREATER
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
#endif

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
        catch (DecoderFallbackException)
        {
            return false;
        }
#endif
    }
}
