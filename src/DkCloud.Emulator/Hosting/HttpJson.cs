using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DkCloud.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace DkCloud.Emulator.Hosting;

/// <summary>JSON in and out of the HTTP endpoints.</summary>
internal static class HttpJson
{
    public static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(Wire.ToText(body), context.RequestAborted).ConfigureAwait(false);
    }

    public static Task ErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, new JsonObject { ["error"] = message });

    /// <summary>The request body as a JSON object, or <see langword="null"/> when it is not one.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
