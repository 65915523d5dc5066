using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;
using DkCloud.Sdk.WebRtc.Turn;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>
/// One UDP socket that is the base of a host candidate (and of the server-reflexive candidate learned through it),
/// or a TURN allocation that is the base of a relayed candidate (datagrams go through the server).
/// Its receive loop hands every datagram to the agent, which demultiplexes by the first byte (RFC 7983).
/// </summary>
/// <remarks><see cref="Send"/> may be called from any thread. The handler runs on the receive loop.</remarks>
internal sealed class IceSocket : IDisposable
{
    private readonly Socket? _socket;
    private readonly TurnClient? _relay;
    private readonly IceSocketReceiveHandler _handler;
    private readonly CancellationTokenSource _closed = new();
    private StunBindingClient? _bindingClient;
    private volatile IPEndPoint _localEndPoint;

    private IceSocket(Socket socket, IceSocketReceiveHandler handler)
    {
        _socket = socket;
        _handler = handler;
        _localEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    private IceSocket(TurnClient relay, IPEndPoint relayed, IceSocketReceiveHandler handler)
    {
        _relay = relay;
        _handler = handler;
        _localEndPoint = relayed;
        relay.DataReceived = (data, peer) =>
        {
            if (!_closed.IsCancellationRequested)
            {
                _handler(this, data, peer);
            }
        };
    }

    /// <summary>The bound address and port, or the relayed transport address of a TURN allocation.</summary>
    public IPEndPoint LocalEndPoint => _localEndPoint;

    /// <summary>The TURN client of a relayed base, or null for a host socket.</summary>
    public TurnClient? Relay => _relay;

    /// <summary>The candidate whose base this is: the host candidate, or the relayed candidate of a TURN allocation.</summary>
    public IceCandidate? HostCandidate { get; set; }

    /// <summary>Binds a UDP socket to <paramref name="address"/> on an ephemeral port and starts receiving; null when the address cannot be bound.</summary>
    public static IceSocket? TryOpen(IPAddress address, IceSocketReceiveHandler handler)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, 0));
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }

        var iceSocket = new IceSocket(socket, handler);
        _ = iceSocket.ReceiveLoopAsync();
        return iceSocket;
    }

    /// <summary>Wraps an allocated TURN client; what peers send to the relayed address reaches <paramref name="handler"/>.</summary>
    public static IceSocket ForRelay(TurnClient relay, IPEndPoint relayed, IceSocketReceiveHandler handler)
    {
        if (relay is null)
        {
            throw new ArgumentNullException(nameof(relay));
        }

        return new IceSocket(relay, relayed ?? throw new ArgumentNullException(nameof(relayed)), handler);
    }

    /// <summary>A relayed base whose allocation was replaced: <see cref="LocalEndPoint"/> becomes the new relayed address.</summary>
    public void Rebase(IPEndPoint relayed)
    {
        if (_relay is null)
        {
            throw new InvalidOperationException("Only a relayed base moves.");
        }

        _localEndPoint = relayed ?? throw new ArgumentNullException(nameof(relayed));
    }

    /// <summary>The STUN binding client that shares this socket (created on first use); host sockets only.</summary>
    public StunBindingClient GetBindingClient(TimeProvider timeProvider, StunRetransmissionOptions options)
    {
        if (_socket is null)
        {
            throw new InvalidOperationException("A relayed base has no socket of its own.");
        }

        lock (_closed)
        {
            return _bindingClient ??= new StunBindingClient(_socket, timeProvider, options);
        }
    }

    /// <summary>Hands a STUN response to the binding client; false when it answers none of its bindings.</summary>
    public bool DeliverToBindingClient(ReadOnlySpan<byte> datagram)
    {
        StunBindingClient? client;
        lock (_closed)
        {
            client = _bindingClient;
        }

        return client is not null && client.Deliver(datagram);
    }

    /// <summary>Sends one datagram; false when the socket refused it (closed, unreachable).</summary>
    public bool Send(ReadOnlySpan<byte> datagram, IPEndPoint remote)
    {
        if (_relay is not null)
        {
            return _relay.SendTo(datagram, remote);
        }

        try
        {
#if NET8_0_OR_GREATER
            _socket!.SendTo(datagram, SocketFlags.None, remote);
#else
            _socket!.SendTo(datagram.ToArray(), remote);
#endif
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_closed.IsCancellationRequested)
        {
            return;
        }

        _closed.Cancel();
        _bindingClient?.Dispose();
        _socket?.Dispose();
        _relay?.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        Socket socket = _socket!;
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
        while (!_closed.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await socket.ReceiveFromAsync(new ArraySegment<byte>(buffer), SocketFlags.None, any).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!_closed.IsCancellationRequested)
            {
                // ICMP errors of earlier sends surface here on some platforms; keep listening.
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            _handler(this, buffer.AsSpan(0, result.ReceivedBytes), (IPEndPoint)result.RemoteEndPoint);
        }
    }
}
