using System;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Protocol;

namespace DkCloud.Sdk.OpenApi;

/// <summary>
/// The platform's HTTP open API for back ends that place calls server-side (7.2.3):
/// <c>POST {base}/dky-open-api/version-2.0.0/placecall?projectId&amp;timestamp&amp;sign</c> with
/// <c>sign = md5(projectId + token + timestamp)</c>. Pair it with <see cref="DkyClient.SetApiCallAutoAnswer"/>
/// on the agent's client.
/// </summary>
public sealed class DkyOpenApiClient
{
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _projectId;
    private readonly string _token;
    private readonly TimeProvider _time;

    /// <summary>Creates a client.</summary>
    /// <param name="http">The HTTP client to use (from IHttpClientFactory in ASP.NET Core).</param>
    /// <param name="baseUrl">The gateway, e.g. <c>https://cc.example.com/gw2/</c>.</param>
    /// <param name="projectId">The enterprise code.</param>
    /// <param name="token">The enterprise token; never logged or sent in clear.</param>
    /// <param name="timeProvider">The clock for the timestamp; the system clock when null.</param>
    public DkyOpenApiClient(HttpClient http, Uri baseUrl, string projectId, string token, TimeProvider? timeProvider = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        if (baseUrl is null || !baseUrl.IsAbsoluteUri || (baseUrl.Scheme != "https" && baseUrl.Scheme != "http"))
        {
            throw new ArgumentException("An absolute http(s) base URL is required.", nameof(baseUrl));
        }

        _baseUrl = baseUrl.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _projectId = string.IsNullOrWhiteSpace(projectId) ? throw new ArgumentException("projectId is required.", nameof(projectId)) : projectId;
        _token = string.IsNullOrWhiteSpace(token) ? throw new ArgumentException("token is required.", nameof(token)) : token;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The signature of a request: lower-case hex MD5 of projectId + token + timestamp.</summary>
    public static string Sign(string projectId, string token, long timestamp)
    {
#pragma warning disable CA5351 // The platform defines the signature as MD5.
        using var md5 = MD5.Create();
#pragma warning restore CA5351
        var hash = md5.ComputeHash(Encoding.UTF8.GetBytes(projectId + token + timestamp.ToString(CultureInfo.InvariantCulture)));
        var sb = new StringBuilder(32);
        foreach (var b in hash)
        {
            sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Has the platform call <paramref name="calledNumber"/> for agent <paramref name="agentId"/>; returns the call's linkedId.</summary>
    /// <exception cref="DkyException">The platform refused (its code and message), or answered something unreadable.</exception>
    public async Task<CallPhoneResult> PlaceCallAsync(string agentId, string calledNumber, CancellationToken cancellationToken = default)
    {
        Internal.RequestValidator.Required(agentId, "placecall", "agentId");
        Internal.RequestValidator.PhoneNumber(calledNumber, "callednum");
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        var sign = Sign(_projectId, _token, timestamp);
        var url = new Uri(_baseUrl, $"dky-open-api/version-2.0.0/placecall?projectId={Uri.EscapeDataString(_projectId)}&timestamp={timestamp}&sign={sign}");
        var body = Body(agentId, calledNumber);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new DkyException((int)response.StatusCode, "HTTP " + (int)response.StatusCode, "placecall");
        }

        var decoded = MessageDecoder.Decode(Encoding.UTF8.GetBytes(WithType(text)), out var error);
        if (decoded is null)
        {
            throw new DkyException(DkyErrorCodes.ProtocolError, error?.Detail ?? "Unreadable answer.", "placecall");
        }

        if (!decoded.IsSuccess)
        {
            throw new DkyException(decoded.Code, decoded.Message, "placecall");
        }

        var linkedId = decoded.Root.TryGetProperty("data", out var d) ? MessageDecoder.ReadText(d, "linkedId") : null;
        return string.IsNullOrEmpty(linkedId)
            ? throw new DkyException(DkyErrorCodes.ProtocolError, "The answer has no linkedId.", "placecall")
            : new CallPhoneResult(linkedId!);
    }

    private static string Body(string agentId, string calledNumber)
    {
        using var stream = new System.IO.MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("agentId", agentId);
            w.WriteString("callednum", calledNumber);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The open API's answer has no <c>type</c>; give it one so the agent codec reads it.</summary>
    private static string WithType(string json)
    {
        var trimmed = json.TrimStart();
        return trimmed.StartsWith("{", StringComparison.Ordinal) && !trimmed.StartsWith("{}", StringComparison.Ordinal)
            ? "{\"type\":\"placecall\"," + trimmed.Substring(1)
            : trimmed;
    }
}
