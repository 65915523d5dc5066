using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;
using DkCloud.Sdk.WebRtc.Turn;

namespace DkCloud.Sdk.WebRtc.Tests.Turn;

/// <summary>
/// A minimal TURN server on 127.0.0.1 for tests (one allocation, long-term credentials), over UDP or TCP: answers
/// Allocate, Refresh, CreatePermission and ChannelBind, relays Send indications and ChannelData to peers and peers'
/// datagrams back as Data indications or ChannelData. It enforces permissions like a real server, answers 437 for an
/// allocation it does not hold, records every request method, and can forget its allocation (<see cref="Restart"/>)
/// or drop the TCP connection (<see cref="DropConnection"/>).
/// </summary>
internal sealed class FakeTurnServer : IDisposable
{
    public const string Realm = "dkcloud.test";
    public const string User = "u";
    public const string Pass = "p";

    private readonly Socket? _socket;
    private readonly TcpListener? _listener;
    private readonly object _writeGate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _key = StunCredentials.LongTermKey(User, Realm, Pass);
    private readonly ConcurrentDictionary<IPAddress, bool> _permissions = new();
    private readonly ConcurrentDictionary<ushort, IPEndPoint> _channels = new();
    private readonly ConcurrentDictionary<IPEndPoint, ushort> _channelsByPeer = new();
    private Socket? _relay;
    private IPEndPoint? _client;
    private NetworkStream? _connection;
    private IPEndPoint? _connectionPeer;
    private byte[] _allocateTransaction = Array.Empty<byte>();
    private string _nonce = "nonce-1";
    private int _allocations;

    public FakeTurnServer(TurnTransport transport = TurnTransport.Udp)
    {
        Transport = transport;
        if (transport == TurnTransport.Udp)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
            _ = LoopAsync();
        }
        else
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            EndPoint = (IPEndPoint)_listener.LocalEndpoint;
            _ = AcceptLoopAsync();
        }
    }

    public TurnTransport Transport { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>Allocations granted so far.</summary>
    public int Allocations => Volatile.Read(ref _allocations);

    /// <summary>Peer addresses that hold a permission now.</summary>
    public IPAddress[] Permissions => _permissions.Keys.ToArray();

    /// <summary>Channels bound now, with their peers.</summary>
    public KeyValuePair<ushort, IPEndPoint>[] Channels => _channels.ToArray();

    /// <summary>The current NONCE; set before the first request to test long values.</summary>
    public string Nonce
    {
        get => _nonce;
        set => _nonce = value;
    }

    public IPEndPoint? RelayEndPoint => (IPEndPoint?)_relay?.LocalEndPoint;

    /// <summary>Requests received, as "Method" or "Method/401" for answered-with-error ones, in order.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Lifetime values of Refresh requests, in order.</summary>
    public ConcurrentQueue<uint> RefreshLifetimes { get; } = new();

    /// <summary>Send indications and ChannelData relayed, by kind.</summary>
    public int SendIndications;

    public int ChannelDataFromClient;

    /// <summary>Answer the next authenticated request with 438 and a new nonce.</summary>
    public bool StaleNextRequest { get; set; }

    /// <summary>Answer authenticated Allocate requests with this error code instead (0: allocate).</summary>
    public int AllocateError { get; set; }

    /// <summary>Answer authenticated Refresh requests with this error code instead (0: refresh).</summary>
    public int RefreshError { get; set; }

    /// <summary>Lifetime granted (seconds).</summary>
    public uint GrantedLifetime { get; set; } = 600;

    /// <summary>Completes when a request of this method arrives next.</summary>
    public Task<string> Next(string method)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue((method, done));
        return done.Task;
    }

    private readonly ConcurrentQueue<(string Method, TaskCompletionSource<string> Done)> _waiters = new();

    public void Dispose()
    {
        _stop.Cancel();
        _socket?.Dispose();
        _listener?.Stop();
        _connection?.Dispose();
        _relay?.Dispose();
    }

    /// <summary>Forgets the allocation, its permissions and channels, and the nonce, as a restarted server does.</summary>
    public void Restart()
    {
        Forget();
        _nonce += "r";
    }

    private void Forget()
    {
        Socket? relay = _relay;
        _relay = null;
        _client = null;
        _permissions.Clear();
        _channels.Clear();
        _channelsByPeer.Clear();
        relay?.Dispose();
    }

    /// <summary>Closes the client's TCP connection; the allocation ends with it (RFC 8656 section 3.1).</summary>
    public void DropConnection()
    {
        NetworkStream? connection = _connection;
        _connection = null;
        Restart();
        connection?.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient accepted;
            try
            {
                accepted = await _listener!.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
            {
                return;
            }

            accepted.NoDelay = true;
            NetworkStream stream = accepted.GetStream();
            _connection = stream;
            _connectionPeer = (IPEndPoint)accepted.Client.RemoteEndPoint!;
            _ = ReadConnectionAsync(stream, _connectionPeer);
        }
    }

    private async Task ReadConnectionAsync(NetworkStream stream, IPEndPoint peer)
    {
        var buffer = new byte[TurnStreamFraming.MaxFrame * 2];
        int count = 0;
        while (!_stop.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await stream.ReadAsync(buffer.AsMemory(count));
            }
            catch (Exception e) when (e is ObjectDisposedException || e is IOException || e is SocketException)
            {
                return;
            }

            if (received == 0)
            {
                return;
            }

            count += received;
            int start = 0;
            while (true)
            {
                int frame = TurnStreamFraming.FrameLength(buffer.AsSpan(start, count - start));
                if (frame <= 0 || frame > count - start)
                {
                    break;
                }

                OnDatagram(buffer.AsSpan(start, frame).ToArray(), peer);
                start += frame;
            }

            Buffer.BlockCopy(buffer, start, buffer, 0, count - start);
            count -= start;
        }
    }

    /// <summary>Sends a message to the client at <paramref name="to"/>: a datagram, or a write on its TCP connection.</summary>
    private void SendToClient(byte[] message, IPEndPoint to)
    {
        if (_socket is not null)
        {
            _socket.SendTo(message, to);
            return;
        }

        NetworkStream? connection = _connection;
        if (connection is null || !to.Equals(_connectionPeer))
        {
            return;
        }

        try
        {
            lock (_writeGate)
            {
                connection.Write(message, 0, message.Length);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException || e is IOException)
        {
            // The connection was dropped.
        }
    }

    private async Task LoopAsync()
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket!.ReceiveFromAsync(new ArraySegment<byte>(buffer), SocketFlags.None, any);
            }
            catch (Exception e) when (e is ObjectDisposedException || e is SocketException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            OnDatagram(buffer.AsSpan(0, result.ReceivedBytes).ToArray(), (IPEndPoint)result.RemoteEndPoint);
        }
    }

    private void OnDatagram(byte[] datagram, IPEndPoint from)
    {
        if (datagram.Length >= 4 && (datagram[0] & 0xC0) == 0x40)
        {
            if (from.Equals(_client)
                && TurnChannelData.TryRead(datagram, false, out ushort channel, out int offset, out int length, out _)
                && _channels.TryGetValue(channel, out IPEndPoint? peer))
            {
                Interlocked.Increment(ref ChannelDataFromClient);
                _relay!.SendTo(datagram, offset, length, SocketFlags.None, peer);
            }

            return;
        }

        if (!StunMessage.TryParse(datagram, out StunMessage message, out _))
        {
            return;
        }

        if (message.Class == StunClass.Indication && message.Method == StunMethod.Send)
        {
            if (from.Equals(_client) && message.TryGetAddress(StunAttributeType.XorPeerAddress, out IPEndPoint? peer)
                && message.TryGetAttribute(StunAttributeType.Data, out ReadOnlySpan<byte> data)
                && _permissions.ContainsKey(peer!.Address))
            {
                Interlocked.Increment(ref SendIndications);
                _relay!.SendTo(data.ToArray(), peer);
            }

            return;
        }

        if (message.Class != StunClass.Request)
        {
            return;
        }

        string method = message.Method.ToString();
        byte[] reply = Answer(message, from, out string logged);
        Log.Enqueue(method + logged);

        // Waiters first: one that a test adds once this reply arrives waits for the next request, not this one.
        int count = _waiters.Count;
        for (int i = 0; i < count && _waiters.TryDequeue(out var waiter); i++)
        {
            if (waiter.Method == method + logged)
            {
                waiter.Done.TrySetResult(method);
            }
            else
            {
                _waiters.Enqueue(waiter);
            }
        }

        SendToClient(reply, from);
    }

    private byte[] Answer(StunMessage request, IPEndPoint from, out string logged)
    {
        logged = string.Empty;
        if (!request.TryGetString(StunAttributeType.Username, out string user) || !request.HasMessageIntegrity)
        {
            logged = "/401";
            return Error(request, 401, "Unauthorized", withKey: false);
        }

        if (user != User
            || !request.TryGetString(StunAttributeType.Realm, out string realm) || realm != Realm
            || !request.VerifyMessageIntegrity(_key))
        {
            logged = "/401";
            return Error(request, 401, "Unauthorized", withKey: false);
        }

        if (!request.TryGetString(StunAttributeType.Nonce, out string nonce) || nonce != _nonce || StaleNextRequest)
        {
            StaleNextRequest = false;
            _nonce += "x";
            logged = "/438";
            return Error(request, 438, "Stale Nonce", withKey: false);
        }

        switch (request.Method)
        {
            case StunMethod.Allocate:
                if (AllocateError != 0)
                {
                    logged = "/" + AllocateError;
                    return Error(request, AllocateError, "Refused", withKey: true);
                }

                if (!request.TryGetRequestedTransport(out byte protocol) || protocol != 17)
                {
                    logged = "/400";
                    return Error(request, 400, "Bad Request", withKey: true);
                }

                if (_relay is not null && from.Equals(_client) && !request.TransactionId.SequenceEqual(_allocateTransaction))
                {
                    // RFC 8656 section 7.2: a new Allocate on a 5-tuple that has an allocation.
                    logged = "/437";
                    return Error(request, 437, "Allocation Mismatch", withKey: true);
                }

                if (_relay is not null && !from.Equals(_client))
                {
                    // One allocation at a time: the one of the other 5-tuple is dropped.
                    Forget();
                }

                if (_relay is null)
                {
                    _allocateTransaction = request.TransactionId.ToArray();
                    _client = from;
                    _relay = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    _relay.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                    Interlocked.Increment(ref _allocations);
                    _ = RelayLoopAsync(_relay);
                }

                return Success(request, from, relayed: true, lifetime: GrantedLifetime);
            case StunMethod.Refresh when _relay is null || !from.Equals(_client):
            case StunMethod.CreatePermission when _relay is null || !from.Equals(_client):
            case StunMethod.ChannelBind when _relay is null || !from.Equals(_client):
                logged = "/437";
                return Error(request, 437, "Allocation Mismatch", withKey: true);
            case StunMethod.Refresh:
                request.TryGetUInt32(StunAttributeType.Lifetime, out uint lifetime);
                RefreshLifetimes.Enqueue(lifetime);
                if (RefreshError != 0)
                {
                    logged = "/" + RefreshError;
                    return Error(request, RefreshError, "Refused", withKey: true);
                }

                if (lifetime == 0)
                {
                    byte[] released = Success(request, from, relayed: false, lifetime: 0);
                    Forget();
                    return released;
                }

                return Success(request, from, relayed: false, lifetime: GrantedLifetime);
            case StunMethod.CreatePermission:
                request.TryGetAddress(StunAttributeType.XorPeerAddress, out IPEndPoint? peer);
                _permissions[peer!.Address] = true;
                return Success(request, from, relayed: false, lifetime: null);
            case StunMethod.ChannelBind:
                request.TryGetChannelNumber(out ushort channel);
                request.TryGetAddress(StunAttributeType.XorPeerAddress, out IPEndPoint? bound);
                if (!TurnChannelData.IsValidChannel(channel))
                {
                    logged = "/400";
                    return Error(request, 400, "Bad Request", withKey: true);
                }

                _channels[channel] = bound!;
                _channelsByPeer[bound!] = channel;
                _permissions[bound!.Address] = true;
                return Success(request, from, relayed: false, lifetime: null);
            default:
                logged = "/400";
                return Error(request, 400, "Bad Request", withKey: true);
        }
    }

    private byte[] Success(StunMessage request, IPEndPoint from, bool relayed, uint? lifetime)
    {
        var buffer = new byte[2048];
        var writer = new StunMessageWriter(buffer, request.Method, StunClass.SuccessResponse, request.TransactionId);
        if (relayed)
        {
            writer.AddAddress(StunAttributeType.XorRelayedAddress, RelayEndPoint!);
            writer.AddAddress(StunAttributeType.XorMappedAddress, from);
        }

        if (lifetime is not null)
        {
            writer.AddUInt32(StunAttributeType.Lifetime, lifetime.Value);
        }

        writer.AddMessageIntegrity(_key);
        writer.AddFingerprint();
        return writer.Written.ToArray();
    }

    private byte[] Error(StunMessage request, int code, string reason, bool withKey)
    {
        var buffer = new byte[2048];
        var writer = new StunMessageWriter(buffer, request.Method, StunClass.ErrorResponse, request.TransactionId);
        writer.AddErrorCode(code, reason);
        writer.AddString(StunAttributeType.Realm, Realm);
        writer.AddString(StunAttributeType.Nonce, _nonce);
        if (withKey)
        {
            writer.AddMessageIntegrity(_key);
        }

        writer.AddFingerprint();
        return writer.Written.ToArray();
    }

    private async Task RelayLoopAsync(Socket relay)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await relay.ReceiveFromAsync(new ArraySegment<byte>(buffer), SocketFlags.None, any);
            }
            catch (Exception e) when (e is ObjectDisposedException || e is SocketException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            var peer = (IPEndPoint)result.RemoteEndPoint;
            if (!_permissions.ContainsKey(peer.Address))
            {
                continue;
            }

            ReadOnlySpan<byte> data = buffer.AsSpan(0, result.ReceivedBytes);
            byte[] message;
            bool stream = Transport != TurnTransport.Udp;
            if (_channelsByPeer.TryGetValue(peer, out ushort channel))
            {
                message = new byte[TurnChannelData.EncodedLength(data.Length, stream)];
                TurnChannelData.Write(message, channel, data, stream);
            }
            else
            {
                var out_ = new byte[data.Length + 64];
                var writer = new StunMessageWriter(out_, StunMethod.Data, StunClass.Indication, new byte[12]);
                writer.AddAddress(StunAttributeType.XorPeerAddress, peer);
                writer.AddAttribute(StunAttributeType.Data, data);
                message = writer.Written.ToArray();
            }

            IPEndPoint? client = _client;
            if (client is not null && relay == _relay)
            {
                SendToClient(message, client);
            }
        }
    }
}
