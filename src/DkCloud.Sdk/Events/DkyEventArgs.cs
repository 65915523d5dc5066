using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DkCloud.Sdk.Events;

/// <summary>
/// Base of every event the SDK raises. <see cref="EventName"/> is the JS SDK's name (<c>dky:ring</c> …) and
/// <see cref="Raw"/> the payload as the JS SDK would hand it to a listener, including fields the document does
/// not list.
/// </summary>
public abstract class DkyEventArgs : EventArgs
{
    /// <summary>The JS SDK's event name, e.g. <c>dky:ring</c>.</summary>
    [JsonIgnore]
    public string EventName { get; internal set; } = string.Empty;

    /// <summary>The payload as JSON (the object a JS listener receives).</summary>
    [JsonIgnore]
    public JsonElement Raw { get; internal set; }
}
