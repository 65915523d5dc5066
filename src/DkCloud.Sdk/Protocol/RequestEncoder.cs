using System;
using System.IO;
using System.Text.Json;

namespace DkCloud.Sdk.Protocol;

/// <summary>Writes a request frame (docs/protocol.md §2.1) as UTF-8 JSON.</summary>
internal static class RequestEncoder
{
    public static byte[] Encode(string type, string requestId, string projectId, string agentNumber, RequestData data)
    {
        using var buffer = new MemoryStream(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("requestId", requestId);
            w.WriteString("projectId", projectId);
            w.WriteString("agentNumber", agentNumber);
            w.WriteStartObject("data");
            foreach (var field in data.Fields)
            {
                switch (field.Value)
                {
                    case string s:
                        w.WriteString(field.Key, s);
                        break;
                    case int i:
                        w.WriteNumber(field.Key, i);
                        break;
                    case bool b:
                        w.WriteBoolean(field.Key, b);
                        break;
                    default:
                        throw new InvalidOperationException("Unsupported request value type " + field.Value.GetType().Name);
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>A new request id: 32 lower-case hex digits, as in the document's examples.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("N");
}
