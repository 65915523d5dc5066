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

    private ReadOnlyMemory<byte> _rawUtf8;
    private JsonElement? _raw;

    /// <summary>The payload as JSON (the object a JS listener receives), built on first use.</summary>
    [JsonIgnore]
    public JsonElement Raw
    {
        get
        {
            if (_raw is null && !_rawUtf8.IsEmpty)
            {
                _raw = JsonSerializer.Deserialize(_rawUtf8.Span, Protocol.DkyJsonContext.Default.JsonElement);
            }

            return _raw ?? default;
        }

        internal set => _raw = value;
    }

    /// <summary>Where <see cref="Raw"/> comes from, parsed only if somebody reads it.</summary>
    internal void SetRawSource(ReadOnlyMemory<byte> utf8)
    {
        _rawUtf8 = utf8;
        _raw = null;
    }
}
