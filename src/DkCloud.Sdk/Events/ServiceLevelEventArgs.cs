using System.Text.Json;

namespace DkCloud.Sdk.Events;

/// <summary><c>dky:serviceLevel</c>: the satisfaction survey was started for the customer (7.3.15).</summary>
public sealed class ServiceLevelEventArgs : EnvelopeEventArgs
{
    /// <summary>The answer's <c>data</c>, empty in the document; kept as JSON for servers that fill it.</summary>
    public JsonElement Data { get; init; }
}
