using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>
/// Allocating, and allocating again after the allocation was lost: the server answered 437 (it restarted and forgot
/// the allocation, or the allocation expired), a refresh went unanswered, or the TCP/TLS connection broke
/// (RFC 8656 sections 3.1, 7 and 8).
/// </summary>
internal sealed partial class TurnClient
{
    /// <summary>Sends the Allocate request and installs the allocation it grants (timers started).</summary>
    private async Task<(IPEndPoint Relayed, TimeSpan Lifetime)> AllocateCoreAsync(CancellationToken cancellationToken)
    {
        uint requested = (uint)_options.RequestedLifetime.TotalSeconds;
        TurnResponse response = await RequestAsync(
            StunMethod.Allocate,
            (ref StunMessageWriter w) =>
            {
                w.AddRequestedTransport(UdpProtocol);
                w.AddUInt32(StunAttributeType.Lifetime, requested);
            },
            cancellationToken).ConfigureAwait(false);
        if (response.Relayed is null || response.Lifetime is null)
        {
            throw new TurnException(TurnError.InvalidResponse, 0, "The Allocate response lacks XOR-RELAYED-ADDRESS or LIFETIME.");
        }

        TimeSpan lifetime = TimeSpan.FromSeconds(response.Lifetime.Value);
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                throw new TurnException(TurnError.Disposed, 0, "The TURN client was disposed.");
            }

            _relayed = response.Relayed;
            _mapped = response.Mapped;
            _lifetime = lifetime;
            _allocated = true;
            _allocation++;
            _refreshTimer.Change(RefreshDelay(lifetime), Timeout.InfiniteTimeSpan);
            _permissionTimer.Change(_options.PermissionRefreshInterval, _options.PermissionRefreshInterval);
        }

        return (response.Relayed, lifetime);
    }

    /// <summary>
    /// The allocation numbered <paramref name="allocation"/> is gone: stops its timers and allocates again, or reports
    /// <see cref="Failed"/> when re-allocation is off. Nothing happens when that allocation was already replaced or released.
    /// </summary>
    private void OnAllocationLost(TurnException reason, int allocation)
    {
        IPEndPoint previous;
        var restore = new List<(IPEndPoint Peer, bool Channel)>();
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested || !_allocated || allocation != _allocation)
            {
                return;
            }

            _allocated = false;
            _refreshTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _permissionTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            previous = _relayed!;
            if (_options.ReallocationAttempts > 0)
            {
                _reallocating = true;

                // The server's permissions and channels went with the allocation; the channel numbers are kept to bind again.
                foreach (TurnPeer peer in _peers.Values)
                {
                    if (peer.Channel != 0 || peer.Permitted)
                    {
                        restore.Add((peer.EndPoint, peer.Channel != 0));
                    }

                    peer.Permitted = false;
                    peer.PermissionPending = false;
                    peer.PendingChannel = 0;
                    peer.Queued.Clear();
                }
            }
        }

        if (_options.ReallocationAttempts == 0)
        {
            Failed?.Invoke(this, new TurnFailedEventArgs(reason));
            return;
        }

        _ = ReallocateAsync(reason, previous, restore);
    }

    private async Task ReallocateAsync(TurnException reason, IPEndPoint previous, List<(IPEndPoint Peer, bool Channel)> restore)
    {
        TurnException last = reason;

        // A TCP or TLS connection carries one allocation: a new one needs a new connection, from a new socket.
        bool newSocket = _stream;
        TimeSpan delay = _options.ReallocationDelay;
        for (int attempt = 0; attempt < _options.ReallocationAttempts; attempt++)
        {
            try
            {
                if (attempt > 0)
                {
                    await DelayAsync(delay, _disposed.Token).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
                }

                if (newSocket)
                {
                    ReplaceSocket();
                }

                (IPEndPoint relayed, TimeSpan lifetime) = await AllocateCoreAsync(_disposed.Token).ConfigureAwait(false);
                lock (_gate)
                {
                    _reallocating = false;
                }

                await RestoreAsync(restore).ConfigureAwait(false);
                Reallocated?.Invoke(this, new TurnReallocatedEventArgs(previous, relayed, lifetime, reason, attempt + 1));
                return;
            }
            catch (TurnException e) when (e.Error != TurnError.Disposed)
            {
                last = e;

                // 437 to an Allocate: the server still holds an allocation for this 5-tuple (RFC 8656 section 7.2), so
                // the next attempt comes from another port; a stream transport always needs a new connection.
                newSocket = _stream || e.StunErrorCode == AllocationMismatch;
            }
            catch (Exception e) when (e is TurnException || e is OperationCanceledException || e is ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                last = new TurnException(TurnError.SocketError, 0, "Could not open a socket for the TURN client: " + e.Message, e);
            }
        }

        lock (_gate)
        {
            _reallocating = false;
            if (_disposed.IsCancellationRequested)
            {
                return;
            }
        }

        Failed?.Invoke(this, new TurnFailedEventArgs(last));
    }

    /// <summary>Binds the channels and installs the permissions the lost allocation had; a peer that fails is left to its next send.</summary>
    private async Task RestoreAsync(List<(IPEndPoint Peer, bool Channel)> restore)
    {
        var work = new List<Task>(restore.Count);
        foreach ((IPEndPoint peer, bool channel) in restore)
        {
            work.Add(channel ? BindChannelQuietlyAsync(peer) : RefreshPermissionQuietlyAsync(peer));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
    }

    /// <summary>Closes the socket (and connection) and binds a new one on the same local address, another port.</summary>
    private void ReplaceSocket()
    {
        IPAddress address = _options.LocalEndPoint?.Address
            ?? (_server.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any);
        Socket fresh = OpenSocket(new IPEndPoint(address, 0));
        Socket old;
        System.IO.Stream? oldConnection;
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                fresh.Dispose();
                throw new TurnException(TurnError.Disposed, 0, "The TURN client was disposed.");
            }

            old = _socket;
            oldConnection = _connection;
            _socket = fresh;
            _localEndPoint = (IPEndPoint)fresh.LocalEndPoint!;
            _connection = null;
            _connect = null;
        }

        oldConnection?.Dispose();
        old.Dispose();
        if (!_stream)
        {
            _ = ReceiveDatagramsAsync(fresh);
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return Task.Delay(delay, _time, cancellationToken);
#else
        return _time.Delay(delay, cancellationToken);
#endif
    }
}
