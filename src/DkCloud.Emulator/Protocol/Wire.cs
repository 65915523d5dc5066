using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DkCloud.Emulator.Protocol;

/// <summary>Formats of the wire: ids, timestamps, JSON text.</summary>
internal static class Wire
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A request id as the server prints them: 32 lower-case hex digits.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("N");

    /// <summary>A SIP Call-ID as the server prints them: a GUID with dashes.</summary>
    public static string NewSipCallId() => Guid.NewGuid().ToString("D");

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static string DateTime(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary><c>HH:mm:ss</c> of a duration (hours may pass 24).</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalHours:00}:{duration.Minutes:00}:{duration.Seconds:00}");
    }

    /// <summary>Whole seconds between two instants (never negative).</summary>
    public static long Seconds(DateTimeOffset from, DateTimeOffset to) =>
        Math.Max(0, (long)(to - from).TotalSeconds);

    /// <summary>JSON text with non-ASCII characters kept as they are.</summary>
    public static string ToText(JsonNode node) => node.ToJsonString(JsonOptions);

    /// <summary>A string member, accepting numbers and booleans as their text.</summary>
    public static string? GetString(JsonObject? obj, string name)
    {
        if (obj is null || !obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            return value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number => value.ToJsonString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
        }

        return null;
    }

    /// <summary>An integer member, accepting strings holding integers.</summary>
    public static int? GetInt(JsonObject? obj, string name)
    {
        var text = GetString(obj, name);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A boolean member, accepting <c>"true"</c>/<c>"false"</c>.</summary>
    public static bool GetBool(JsonObject? obj, string name) =>
        string.Equals(GetString(obj, name), "true", StringComparison.OrdinalIgnoreCase);
}
