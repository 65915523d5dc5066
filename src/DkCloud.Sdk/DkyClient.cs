using System;
using System.Net.WebSockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Session;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DkCloud.Sdk;

/// <summary>
/// One agent's session with DK-Cloud: the .NET counterpart of the JS SDK's <c>DKY</c> object. Every API is an
/// async method that completes when the server answers and throws <see cref="DkyException"/> on failure; every
/// <c>dky:*</c> event is a typed .NET event, raised in arrival order on one worker (or on
/// <see cref="DkyOptions.EventSynchronizationContext"/>).
/// </summary>
/// <remarks>
/// Methods may be called from any thread and concurrently. Event handlers run one at a time; a handler must not
/// block waiting for a command of the same client (await it instead).
/// </remarks>
public sealed partial class DkyClient : IAsyncDisposable
{
    private readonly DkyOptions _options;
    private readonly ILogger _logger;
    private readonly EventDispatcher _dispatcher;
    private readonly SessionListener _listener;
    private readonly Func<Uri, CancellationToken, Task<WebSocket>>? _connector;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private AgentSession? _session;
    private ISoftphone? _softphone;
    private HeartbeatTimer? _heartbeat;
    private int _state;
    private int _ended;

    /// <summary>Creates a client; nothing is sent until <see cref="InitAsync"/>.</summary>
    /// <param name="options">The session's settings; checked now, copied.</param>
    /// <param name="loggerFactory">Where the SDK logs; secrets are never logged.</param>
    /// <exception cref="DkyOptionsException">A setting is invalid; the message names each bad field.</exception>
    public DkyClient(DkyOptions options, ILoggerFactory? loggerFactory = null)
        : this(options, loggerFactory, null)
    {
    }

    internal DkyClient(DkyOptions options, ILoggerFactory? loggerFactory, Func<Uri, CancellationToken, Task<WebSocket>>? connector)
    {
        DkyOptionsValidator.ThrowIfInvalid(options);
        _options = options.Clone();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("DkCloud.Sdk.DkyClient");
        _dispatcher = new EventDispatcher(_options.EventSynchronizationContext, _logger);
        _listener = new SessionListener(this);
        _connector = connector;
        Calls = new CallTracker(_options.TimeProvider, _options.ProjectId, _options.AgentNumber);
        Calls.OnWrapup(e => _dispatcher.Post(() => Wrapup?.Invoke(this, e)));
    }

    /// <summary>The SDK's version (the JS <c>version()</c>).</summary>
    public static string Version { get; } =
        typeof(DkyClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? typeof(DkyClient).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>The agent's calls, kept up to date from the call events.</summary>
    public CallTracker Calls { get; }

    /// <summary>Where the session stands.</summary>
    public SessionState State => (SessionState)Volatile.Read(ref _state);

    /// <summary>The answer of the last successful agent login, or null.</summary>
    public AgentLoginResult? Login { get; private set; }

    /// <summary>The agent's role, known after login.</summary>
    public AgentRole Role => Login?.Role ?? AgentRole.Unknown;

    /// <summary>The agent's last known state (idle or busy), as set by this client or pushed by the server.</summary>
    public AgentState? AgentState { get; private set; }

    /// <summary>The busy reason that goes with <see cref="AgentState"/>.</summary>
    public string? AgentStateReason { get; private set; }

    /// <summary>Whether the extension is registered (or bound, for IP phones and mobiles).</summary>
    public bool ExtensionRegistered { get; private set; }

    /// <summary>Whether the agent leg of calls placed by the open API is answered automatically.</summary>
    public bool ApiCallAutoAnswer { get; private set; }

    /// <summary>The prompt played to the agent when an outbound call is answered (null: the default beep).</summary>
    public Uri? CallAnswerPrompt { get; private set; }

    /// <summary>The options in force (a copy of those given).</summary>
    public DkyOptions Options => _options;

    /// <summary>
    /// Ends the session and releases everything. Logs the agent off politely when it is logged in and the
    /// server answers within <see cref="DkyOptions.DisposeTimeout"/>; otherwise just closes. Idempotent;
    /// never takes longer than <see cref="DkyOptions.DisposeTimeout"/> plus one second.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var previous = (SessionState)Interlocked.Exchange(ref _state, (int)SessionState.Disposed);
        if (previous == SessionState.Disposed)
        {
            return;
        }

        _lifetime.Cancel();
        var session = _session;
        if (session is not null && session.IsConnected && Login is not null)
        {
            using var cts = new CancellationTokenSource();
            var logout = TryLogoutAsync(session, cts.Token);
            var finished = await Task.WhenAny(logout, Internal.Clock.Delay(_options.TimeProvider, _options.DisposeTimeout, CancellationToken.None)).ConfigureAwait(false);
            if (finished != logout)
            {
                cts.Cancel();
            }
        }

        if (previous != SessionState.Idle || Volatile.Read(ref _reconnecting) != 0)
        {
            EndSession(Events.SessionEndReason.Disposed, "The client was disposed.");
        }

        if (Interlocked.Exchange(ref _softphone, null) is { } phone)
        {
            // Not unregistered politely (the link is down or the time is up): released all the same.
            await phone.DisposeAsync().ConfigureAwait(false);
        }

        await CloseLinkAsync("disposed").ConfigureAwait(false);
        Calls.Dispose();
        var drained = _dispatcher.DisposeAsync().AsTask();
        await Task.WhenAny(drained, Internal.Clock.Delay(_options.TimeProvider, TimeSpan.FromSeconds(1), CancellationToken.None)).ConfigureAwait(false);
        _lifecycle.Dispose();
        _lifetime.Dispose();
    }

    private async Task TryLogoutAsync(AgentSession session, CancellationToken cancellationToken)
    {
        try
        {
            await StopSoftphoneAsync(cancellationToken).ConfigureAwait(false);
            await session.SendAsync(Protocol.WireTypes.AgentLogout, new Protocol.RequestData().Add("bindState", "unbind"), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed polite logout must not fail disposal.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogDebug(ex, "Logout during disposal failed.");
        }
    }

    private AgentSession RequireSession(string command)
    {
        if (State == SessionState.Disposed)
        {
            throw new DkyConnectionException(ConnectionFailureKind.Disposed, "The client is disposed.", command);
        }

        var session = _session;
        if (session is null || !session.IsConnected)
        {
            throw new DkyConnectionException(ConnectionFailureKind.NotConnected, "The session is not started; call InitAsync first.", command);
        }

        return session;
    }

    private void SetState(SessionState state)
    {
        var current = Volatile.Read(ref _state);
        while (current != (int)SessionState.Disposed)
        {
            var seen = Interlocked.CompareExchange(ref _state, (int)state, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private async Task CloseLinkAsync(string reason)
    {
        _heartbeat?.Dispose();
        _heartbeat = null;
        var session = _session;
        _session = null;
        if (session is not null)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StopSoftphoneAsync(CancellationToken cancellationToken)
    {
        var phone = Interlocked.Exchange(ref _softphone, null);
        if (phone is null)
        {
            return;
        }

        try
        {
            await phone.UnregisterAsync(cancellationToken).ConfigureAwait(false);

            // The document's 2 s: the REGISTER with Expires 0 must get out before the link goes.
            await Internal.Clock.Delay(_options.TimeProvider, _options.ExtensionGracePeriod, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await phone.DisposeAsync().ConfigureAwait(false);
        }
    }
}
