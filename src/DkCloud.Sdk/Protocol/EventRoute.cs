using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DkCloud.Sdk.Events;

namespace DkCloud.Sdk.Protocol;

/// <summary>How one kind of server message becomes one typed event.</summary>
internal sealed class EventRoute
{
    public EventRoute(string eventName, PayloadSource source, JsonTypeInfo typeInfo)
    {
        EventName = eventName;
        Source = source;
        TypeInfo = typeInfo;
    }

    /// <summary>The JS SDK's event name, e.g. <c>dky:ring</c>.</summary>
    public string EventName { get; }

    public PayloadSource Source { get; }

    public JsonTypeInfo TypeInfo { get; }

    /// <summary>Reads the event from a message. Throws <see cref="JsonException"/> on fields of the wrong type.</summary>
    public DkyEventArgs Decode(ServerMessage message)
    {
        var payload = Source == PayloadSource.Data ? message.DataUtf8 : message.Utf8;
        if (payload.IsEmpty)
        {
            payload = EmptyObject;
        }

        var args = (DkyEventArgs?)JsonSerializer.Deserialize(payload.Span, TypeInfo)
            ?? throw new JsonException("The payload is null.");
        args.EventName = EventName;
        args.SetRawSource(payload);
        return args;
    }

    private static readonly ReadOnlyMemory<byte> EmptyObject = new byte[] { (byte)'{', (byte)'}' };

    public static EventRoute Of<T>(string eventName, PayloadSource source, JsonTypeInfo<T> typeInfo)
        where T : DkyEventArgs
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return new EventRoute(eventName, source, typeInfo);
    }
}
