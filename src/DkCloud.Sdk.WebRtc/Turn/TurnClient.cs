using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>
/// A TURN client (RFC 8656) over UDP, TCP or TLS: one allocation on one server, authenticated with the long-term credential
/// mechanism (401 challenge, 438 stale nonce retry), refreshed before its lifetime ends, with permissions and channels
/// for the peers it sends to. Until a peer's permission exists its datagrams wait (a few of them); until its channel
/// is bound they travel in Send indications; then as ChannelData. Every timer runs on the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Public members are thread-safe. State is guarded by one lock that is never held while user code or a socket
/// operation runs. <see cref="DataReceived"/> runs on the receive loop and must return quickly. When the allocation is
/// lost (the server forgot it, or the TCP/TLS connection broke) the client allocates again, on a new socket when it
/// needs a new 5-tuple, restores permissions and channels and raises <see cref="Reallocated"/>
/// (<see cref="TurnClientOptions.ReallocationAttempts"/>).
/// </remarks>
internal sealed partial class TurnClient : IDisposable
{
    private const string Software = "DkCloud.Sdk.WebRtc";
    private readonly object _gate = new();
    private readonly TurnClientOptions _options;
    private readonly TimeProvider _time;
    private readonly IPEndPoint _server;
    private readonly bool _stream;
    private readonly object _sendGate = new();
    private volatile Socket _socket;
    private volatile IPEndPoint _localEndPoint;
    private volatile Stream? _connection;
    private Task? _connect;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Dictionary<(ulong, uint), TurnTransaction> _pending = new();
    private readonly Dictionary<IPEndPoint, TurnPeer> _peers = new();
    private readonly Dictionary<ushort, TurnPeer> _channels = new();
    private readonly ITimer _refreshTimer;
    private readonly ITimer _permissionTimer;
    private string? _realm;
    private string? _nonce;
    private byte[]? _key;
    private IPEndPoint? _relayed;
    private IPEndPoint? _mapped;
    private TimeSpan _lifetime;
    private bool _allocated;
    private bool _reallocating;
    private int _allocation;
    private ushort _nextChannel = TurnChannelData.MinChannel;

    /// <summary>Binds the client's UDP socket and starts receiving; call <see cref="AllocateAsync"/> next.</summary>
    public TurnClient(TurnClientOptions options, TimeProvider? timeProvider = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _server = _options.Server!;
        _stream = _options.Transport != TurnTransport.Udp;
        _socket = OpenSocket(_options.LocalEndPoint
            ?? new IPEndPoint(_server.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0));
        _localEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _refreshTimer = _time.CreateTimer(static s => ((TurnClient)s!).OnRefreshTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _permissionTimer = _time.CreateTimer(static s => ((TurnClient)s!).OnPermissionTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (!_stream)
        {
            _ = ReceiveDatagramsAsync(_socket);
        }
    }

    /// <summary>Raised when the allocation is created.</summary>
    public event EventHandler<TurnAllocationEventArgs>? Allocated;

    /// <summary>Raised after each successful refresh of the allocation.</summary>
    public event EventHandler<TurnAllocationEventArgs>? Refreshed;

    /// <summary>
    /// Raised after a lost allocation was replaced by a new one (another relayed address), with its permissions and
    /// channels restored. Peers only know the old relayed address: the new one must be signalled to them (trickled as
    /// a new candidate, or in the offer of an ICE restart).
    /// </summary>
    public event EventHandler<TurnReallocatedEventArgs>? Reallocated;

    /// <summary>Raised once when the allocation is lost for good (it could not be allocated again, or re-allocation is off).</summary>
    public event EventHandler<TurnFailedEventArgs>? Failed;

    /// <summary>Receives what peers send to the relayed address; set before <see cref="AllocateAsync"/>.</summary>
    public TurnDataHandler? DataReceived { get; set; }

    /// <summary>The client's bound local address (it changes when a re-allocation needs a new socket).</summary>
    public IPEndPoint LocalEndPoint => _localEndPoint;

    /// <summary>The TURN server.</summary>
    public IPEndPoint Server => _server;

    /// <summary>The relayed transport address, or null when there is no allocation.</summary>
    public IPEndPoint? RelayedEndPoint
    {
        get
        {
            lock (_gate)
            {
                return _allocated ? _relayed : null;
            }
        }
    }

    /// <summary>The client's address as the server saw it (XOR-MAPPED-ADDRESS of the Allocate response), or null.</summary>
    public IPEndPoint? MappedEndPoint
    {
        get
        {
            lock (_gate)
            {
                return _mapped;
            }
        }
    }

    /// <summary>The lifetime the server granted at the last Allocate or Refresh.</summary>
    public TimeSpan Lifetime
    {
        get
        {
            lock (_gate)
            {
                return _lifetime;
            }
        }
    }

    /// <summary>The channel bound to <paramref name="peer"/>, or 0.</summary>
    public ushort ChannelOf(IPEndPoint peer)
    {
        lock (_gate)
        {
            return _peers.TryGetValue(peer, out TurnPeer? state) ? state.Channel : (ushort)0;
        }
    }

    /// <summary>True when the server holds a permission for <paramref name="peer"/> (as far as the client knows).</summary>
    public bool HasPermission(IPEndPoint peer)
    {
        lock (_gate)
        {
            return _peers.TryGetValue(peer, out TurnPeer? state) && state.Permitted;
        }
    }

    /// <summary>
    /// Stops the timers, fails pending requests and closes the socket. A live allocation is released with one
    /// unacknowledged Refresh (LIFETIME 0); use <see cref="ReleaseAsync"/> to wait for the server's answer.
    /// </summary>
    public void Dispose()
    {
        TurnTransaction[] pending;
        byte[]? release = null;
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
            _refreshTimer.Dispose();
            _permissionTimer.Dispose();
            pending = new TurnTransaction[_pending.Count];
            _pending.Values.CopyTo(pending, 0);
            _pending.Clear();
            if (_allocated && _key is not null)
            {
                release = BuildRequest(StunMethod.Refresh, NewTransactionId(), static (ref StunMessageWriter w) => w.AddUInt32(StunAttributeType.Lifetime, 0), _key, _realm, _nonce);
            }

            _allocated = false;
        }

        if (release is not null)
        {
            SendRaw(release);
        }

        foreach (TurnTransaction transaction in pending)
        {
            transaction.Fail(new TurnException(TurnError.Disposed, 0, "The TURN client was disposed."));
        }

        _connection?.Dispose();
        _socket.Dispose();
    }

    /// <summary>A new socket bound to <paramref name="local"/>, TCP for the stream transports.</summary>
    private Socket OpenSocket(IPEndPoint local)
    {
        Socket socket = _stream
            ? new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(local);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return socket;
    }

    private bool SendRaw(byte[] datagram) => SendRaw(datagram, datagram.Length);

    private bool SendRaw(byte[] datagram, int length)
    {
        try
        {
            if (_stream)
            {
                Stream? connection = _connection;
                if (connection is null)
                {
                    // Not connected yet (or the TLS handshake is not done).
                    return false;
                }

                lock (_sendGate)
                {
                    connection.Write(datagram, 0, length);
                }

                return true;
            }

            _socket.SendTo(datagram, 0, length, SocketFlags.None, _server);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // Disposed, or a stream socket that is not connected (yet, or any more).
            return false;
        }
    }
}
