using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.Transactions;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DkCloud.Emulator.Sip;

/// <summary>
/// The emulator's SIP side for WebRTC extensions: a registrar with digest authentication over WebSocket (subprotocol
/// <c>sip</c>, RFC 7118) and one <see cref="ExtensionLine"/> per extension, whose user agent answers OPTIONS and places
/// the calls that ring the extension. Bindings follow the connection, as Kamailio's do: a closed WebSocket drops them.
/// </summary>
internal sealed class EmulatorSipServer : IDisposable
{
    /// <summary>The shortest registration accepted (423 below it).</summary>
    public const int MinExpires = 60;

    /// <summary>The longest registration granted.</summary>
    public const int MaxExpires = 3600;

    private readonly ConcurrentDictionary<string, ExtensionLine> _lines = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _passwordOf;
    private readonly SipDigestVerifier _digest;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _connectionIds;

    /// <summary>Creates the server; <paramref name="passwordOf"/> gives a WebRTC extension's password, or null when there is no such extension.</summary>
    public EmulatorSipServer(string realm, Func<string, string?> passwordOf, TimeProvider time, ILogger logger)
    {
        Realm = realm;
        _passwordOf = passwordOf;
        _time = time;
        _logger = logger;
        _digest = new SipDigestVerifier(realm, time);
    }

    /// <summary>An extension registered, refreshed, unregistered or lost its connection.</summary>
    public event Action<string>? RegistrationChanged;

    public string Realm { get; }

    /// <summary>When set, new SIP WebSockets are refused (503), as by a SIP server that is down.</summary>
    public bool RefuseConnections { get; set; }

    /// <summary>Accepts a SIP WebSocket and serves it until it closes.</summary>
    public async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains("sip"))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (RefuseConnections)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync("sip").ConfigureAwait(false);
        var connection = new SipConnection(socket, Interlocked.Increment(ref _connectionIds), _logger);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await connection.RunAsync(OnMessage, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            foreach (var line in _lines.Values)
            {
                if (line.Transport.Unbind(connection))
                {
                    line.Unregister();
                    _logger.LogInformation("Extension {Extension} lost its SIP connection", line.Extension);
                    RegistrationChanged?.Invoke(line.Extension);
                }
            }
        }
    }

    /// <summary>The line of a registered extension, or null.</summary>
    public ExtensionLine? Registered(string extension) =>
        _lines.TryGetValue(extension, out var line) && line.IsRegistered(_time.GetUtcNow()) ? line : null;

    /// <summary>Whether <paramref name="extension"/> is registered here now.</summary>
    public bool IsRegistered(string extension) => Registered(extension) is not null;

    /// <summary>Aborts the extension's SIP WebSocket (a network failure); false when it has none.</summary>
    public bool DropConnection(string extension)
    {
        if (_lines.TryGetValue(extension, out var line) && line.Transport.Connection is { } connection)
        {
            connection.Abort();
            return true;
        }

        return false;
    }

    public void Dispose()
    {
        foreach (var line in _lines.Values)
        {
            line.Dispose();
        }

        _lines.Clear();
    }

    private void OnMessage(SipConnection connection, SipMessage message)
    {
        string? user;
        try
        {
            user = (message.IsRequest ? message.From : message.To).Uri?.User;
        }
        catch (FormatException)
        {
            _logger.LogWarning("SIP connection {Id} sent a message without a usable From/To; dropped", connection.Id);
            return;
        }

        if (user is null || _passwordOf(user) is null)
        {
            if (message.IsRequest && message.MethodName != "ACK")
            {
                connection.Send(SipResponseFactory.Create(message, 404, null, SipRandom.CreateTag()).ToArray());
            }

            return;
        }

        var line = _lines.GetOrAdd(user, CreateLine);
        if (message.IsRequest)
        {
            line.Transport.Bind(connection);
        }

        line.Transport.Deliver(message);
    }

    private ExtensionLine CreateLine(string extension)
    {
        var transport = new ExtensionTransport();
        var options = new SipUserAgentOptions(Realm, "dkcloud", string.Empty)
        {
            Register = false,
            OptionsProbes = false,
            UserAgent = "DkCloud.Emulator",
            DisplayName = "DK-Cloud",
        };
        var agent = new SipUserAgent(options, transport, _time);
        var line = new ExtensionLine(extension, transport, agent);
        options.RequestHandler = request => OnRequest(line, request);
        return line;
    }

    private bool OnRequest(ExtensionLine line, SipServerRequest server)
    {
        if (server.Request.MethodName != "REGISTER")
        {
            return false;
        }

        var request = server.Request;
        var password = _passwordOf(line.Extension);
        var verdict = password is null
            ? SipDigestVerdict.Wrong
            : _digest.Verify(request.GetHeaderValue(SipHeaderName.Authorization), "REGISTER", line.Extension, password);
        switch (verdict)
        {
            case SipDigestVerdict.Missing:
            case SipDigestVerdict.Stale:
                var challenge = server.CreateResponse(401, SipRandom.CreateTag());
                challenge.Add(SipHeaderName.WwwAuthenticate, _digest.CreateChallenge(verdict == SipDigestVerdict.Stale));
                server.Respond(challenge);
                return true;
            case SipDigestVerdict.Wrong:
                _logger.LogWarning("Extension {Extension} failed digest authentication", line.Extension);
                server.Respond(403, SipRandom.CreateTag());
                return true;
        }

        var contacts = request.Contacts;
        var contact = contacts.Count > 0 ? contacts[0] : null;
        var expires = contact?.Expires ?? request.Expires ?? 600;
        if (contact is null || contact.IsWildcard || expires == 0)
        {
            line.Unregister();
            server.Respond(200, SipRandom.CreateTag());
            _logger.LogInformation("Extension {Extension} unregistered", line.Extension);
            RegistrationChanged?.Invoke(line.Extension);
            return true;
        }

        if (expires < MinExpires)
        {
            var tooBrief = server.CreateResponse(423, SipRandom.CreateTag());
            tooBrief.Add(SipHeaderName.MinExpires, MinExpires.ToString(CultureInfo.InvariantCulture));
            server.Respond(tooBrief);
            return true;
        }

        var granted = (int)Math.Min(expires, MaxExpires);
        var uri = contact.Address!.UriText;
        line.Register(uri, _time.GetUtcNow().AddSeconds(granted));
        var ok = server.CreateResponse(200, SipRandom.CreateTag());
        ok.Add(SipHeaderName.Contact, new SipNameAddress(uri).WithParameter("expires", granted.ToString(CultureInfo.InvariantCulture)).ToString());
        ok.Add(SipHeaderName.Expires, granted.ToString(CultureInfo.InvariantCulture));
        server.Respond(ok);
        _logger.LogInformation("Extension {Extension} registered for {Seconds} s", line.Extension, granted);
        RegistrationChanged?.Invoke(line.Extension);
        return true;
    }
}
