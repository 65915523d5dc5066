using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DkCloud.Sdk.Protocol;

/// <summary>
/// Reads a string field that the server sometimes sends as a number or a boolean (the document itself mixes
/// <c>"200"</c> and <c>200</c>). Objects and arrays where a string belongs are an error.
/// </summary>
internal sealed class FlexibleStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => NumberText(ref reader),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a string, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() ?? string.Empty;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string NumberText(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var l))
        {
            return l.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return reader.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }
}
