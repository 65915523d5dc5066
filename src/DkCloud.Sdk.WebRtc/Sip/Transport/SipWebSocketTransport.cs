using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Sip.Transport;

/// <summary>
/// SIP over WebSocket (RFC 7118) with <see cref="ClientWebSocket"/>: subprotocol <c>sip</c>, one SIP message per text
/// frame, a send queue drained by one writer, and reconnection with jittered exponential backoff on the injected
/// <see cref="TimeProvider"/>. Server pings are answered by the WebSocket itself while a receive is pending, which the
/// receive loop keeps at all times. Dialogs live above the transport, so a reconnect does not end calls.
/// </summary>
/// <remarks>Thread safety: <see cref="Send"/> may be called from any thread; events come from the receive loop.</remarks>
internal sealed partial class SipWebSocketTransport : ISipTransport
{
    private readonly SipTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private readonly Func<ClientWebSocket> _socketFactory;
    private readonly object _gate = new();
    private readonly LinkedList<byte[]> _queue = new();
    private readonly SemaphoreSlim _queued = new(0, int.MaxValue);
    private readonly CancellationTokenSource _lifetime = new();
    private ClientWebSocket? _socket;
    private Task? _runner;
    private bool _connected;

    /// <summary>Creates a transport.</summary>
    /// <param name="options">Server and reconnect settings.</param>
    /// <param name="time">The clock for timeouts and backoff.</param>
    /// <param name="random">Jitter source in [0, 1); defaults to a shared <see cref="Random"/>.</param>
    /// <param name="socketFactory">Makes sockets (tests); defaults to <c>new ClientWebSocket()</c>.</param>
    public SipWebSocketTransport(SipTransportOptions options, TimeProvider? time = null, Func<double>? random = null, Func<ClientWebSocket>? socketFactory = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
        var shared = new Random();
        _random = random ?? (() => { lock (shared) { return shared.NextDouble(); } });
        _socketFactory = socketFactory ?? (() => new ClientWebSocket());
    }

    /// <inheritdoc/>
    public event Action<SipMessage>? MessageReceived;

    /// <inheritdoc/>
    public event Action<bool>? Connected;

    /// <inheritdoc/>
    public event Action<Exception?>? Disconnected;

    /// <summary>A reconnect attempt starts (1 for the first); raised on the reconnect loop, before connecting.</summary>
    public event Action<int>? ReconnectAttempt;

    /// <inheritdoc/>
    public event Action<SipException>? Failed;

    /// <inheritdoc/>
    public bool IsConnected
    {
        get { lock (_gate) { return _connected; } }
    }

    /// <inheritdoc/>
    public bool IsReliable => true;

    /// <summary>Messages that could not be parsed and were dropped.</summary>
    public int DroppedMessages { get; private set; }

    /// <inheritdoc/>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_runner is not null)
            {
                throw new InvalidOperationException("The transport is already started.");
            }
        }

        ClientWebSocket socket = await OpenAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _socket = socket;
            _connected = true;
            _runner = Task.Run(() => RunAsync(socket));
        }

        Connected?.Invoke(false);
    }

    /// <inheritdoc/>
    public void Send(byte[] message)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        lock (_gate)
        {
            _queue.AddLast(message);
            while (_queue.Count > _options.SendQueueLimit)
            {
                _queue.RemoveFirst();
            }
        }

        _queued.Release();
    }

    /// <inheritdoc/>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        ClientWebSocket? socket;
        Task? runner;
        lock (_gate)
        {
            socket = _socket;
            runner = _runner;
        }

        if (socket is not null && socket.State == WebSocketState.Open)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                // Already broken: closing is done either way.
            }
        }

        _lifetime.Cancel();
        socket?.Abort();
        if (runner is not null)
        {
            await runner.ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _lifetime.Cancel();
        ClientWebSocket? socket;
        lock (_gate)
        {
            socket = _socket;
        }

        socket?.Abort();
        socket?.Dispose();
    }

    private async Task<ClientWebSocket> OpenAsync(CancellationToken cancellationToken)
    {
        ClientWebSocket socket = _socketFactory();
        socket.Options.AddSubProtocol(_options.SubProtocol);
        socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
        foreach (KeyValuePair<string, string> header in _options.HandshakeHeaders)
        {
            socket.Options.SetRequestHeader(header.Key, header.Value);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        using ITimer timeout = _time.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), linked, _options.ConnectTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            await socket.ConnectAsync(_options.ServerUri, linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or System.Net.Http.HttpRequestException or InvalidOperationException)
        {
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new SipException(SipErrorCode.ConnectionFailed, "Cannot open " + _options.ServerUri + ": " + exception.Message, innerException: exception);
        }

        if (!string.Equals(socket.SubProtocol, _options.SubProtocol, StringComparison.OrdinalIgnoreCase))
        {
            socket.Abort();
            socket.Dispose();
            throw new SipException(SipErrorCode.ConnectionFailed, "The server did not accept the '" + _options.SubProtocol + "' WebSocket subprotocol (RFC 7118).");
        }

        return socket;
    }
}
