using System;
using System.IO;
using System.Text.Json;

namespace DkCloud.Sdk.Tests.Support;

/// <summary>The document's JSON examples, copied into Payloads/.</summary>
internal static class Payloads
{
    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", file));

    public static JsonElement Element(string file) => JsonDocument.Parse(Read(file)).RootElement.Clone();
}
