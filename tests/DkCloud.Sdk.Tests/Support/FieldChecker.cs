using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit;

namespace DkCloud.Sdk.Tests.Support;

/// <summary>
/// Checks that every member of a JSON object has a typed property on the object it was read into, holding the
/// same value: the proof that no documented field is lost.
/// </summary>
internal static class FieldChecker
{
    public static void AssertEveryField(JsonElement json, object typed, string path = "$")
    {
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        foreach (var member in json.EnumerateObject())
        {
            var where = path + "." + member.Name;
            var property = Find(typed.GetType(), member.Name);
            Assert.True(property is not null, $"{where}: no typed property on {typed.GetType().Name}");
            var value = property!.GetValue(typed);
            switch (member.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Assert.True(value is not null, $"{where}: object not read");
                    if (member.Value.EnumerateObject().Any())
                    {
                        AssertEveryField(member.Value, value!, where);
                    }

                    break;
                case JsonValueKind.Null:
                    Assert.True(value is null, $"{where}: expected null, got {value}");
                    break;
                case JsonValueKind.String:
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    var expected = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : member.Value.GetRawText();
                    Assert.True(value is not null, $"{where}: expected '{expected}', got null");
                    Assert.Equal(expected, Convert.ToString(value, CultureInfo.InvariantCulture)!.Replace("True", "true").Replace("False", "false"));
                    break;
                default:
                    Assert.Fail($"{where}: unexpected {member.Value.ValueKind}");
                    break;
            }
        }
    }

    private static PropertyInfo? Find(Type type, string jsonName)
    {
        var props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToList();
        return props.FirstOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == jsonName)
            ?? props.FirstOrDefault(p => string.Equals(p.Name, jsonName, StringComparison.OrdinalIgnoreCase));
    }
}
