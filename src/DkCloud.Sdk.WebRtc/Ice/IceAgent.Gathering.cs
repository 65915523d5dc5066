using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;
using DkCloud.Sdk.WebRtc.Turn;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Candidate gathering (RFC 8445 section 5.1.1).</summary>
internal sealed partial class IceAgent
{
    /// <summary>
    /// Opens one UDP socket per allowed local address (host candidates) and, when a STUN server is configured, asks it
    /// for each IPv4 socket's mapping (server-reflexive candidates); when a TURN server is configured, allocates a
    /// relayed candidate. With <see cref="IceAgentOptions.RelayOnly"/> only the relayed candidate is gathered.
    /// Gathering happens once; later calls return the same list.
    /// </summary>
    /// <exception cref="InvalidOperationException">No allowed local address could be bound, or (relay only) the allocation failed.</exception>
    public async Task<IReadOnlyList<IceCandidate>> GatherAsync(CancellationToken cancellationToken = default)
    {
        List<IceSocket> opened;
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_gathered)
            {
                return _localCandidates.ToArray();
            }

            _gathered = true;
            opened = _options.RelayOnly ? new List<IceSocket>() : OpenHostSockets();
            if (opened.Count == 0 && !_options.RelayOnly)
            {
                throw new InvalidOperationException("No local address passed the filter and could be bound.");
            }
        }

        IPEndPoint? server = _options.StunServer;
        if (server is not null)
        {
            foreach (IceSocket socket in opened)
            {
                if (socket.LocalEndPoint.AddressFamily == server.AddressFamily)
                {
                    await GatherServerReflexiveAsync(socket, server, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (_options.Turn is not null)
        {
            await GatherRelayedAsync(_options.Turn, cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            if (_localCandidates.Count == 0)
            {
                throw new InvalidOperationException("No candidate could be gathered: " + (RelayError?.Message ?? "no usable address") + ".");
            }

            return _localCandidates.ToArray();
        }
    }

    private List<IceSocket> OpenHostSockets()
    {
        IReadOnlyList<IPAddress> addresses = IceHostAddresses.List(_options.AddressFilter, _options.IncludeIPv6);
        for (int i = 0; i < addresses.Count; i++)
        {
            IceSocket? socket = IceSocket.TryOpen(addresses[i], OnDatagram);
            if (socket is null)
            {
                continue;
            }

            int localPreference = IcePriority.LocalPreference(addresses[i].AddressFamily, i);
            var host = new IceCandidate(
                IceFoundation.Compute(IceCandidateType.Host, addresses[i], null),
                1,
                IcePriority.Candidate(IceCandidateType.Host, localPreference, 1),
                socket.LocalEndPoint,
                IceCandidateType.Host);
            socket.HostCandidate = host;
            _sockets.Add(socket);
            _localCandidates.Add(host);
            foreach (IceCandidate remote in _remoteCandidates)
            {
                AddPair(socket, remote, IceCandidatePairState.Frozen);
            }
        }

        UnfreezeInitial();
        EnsurePacing();
        return new List<IceSocket>(_sockets);
    }

    private async Task GatherServerReflexiveAsync(IceSocket socket, IPEndPoint server, CancellationToken cancellationToken)
    {
        IPEndPoint mapped;
        try
        {
            mapped = await socket.GetBindingClient(_time, _options.Retransmission).BindAsync(server, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (StunTransactionException)
        {
            return;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        lock (_gate)
        {
            IceCandidate host = socket.HostCandidate!;
            if (mapped.Equals(host.EndPoint))
            {
                // Not behind a NAT: the server-reflexive candidate would be redundant with the host candidate.
                return;
            }

            int localPreference = (int)((host.Priority >> 8) & 0xFFFF);
            _localCandidates.Add(new IceCandidate(
                IceFoundation.Compute(IceCandidateType.ServerReflexive, host.EndPoint.Address, server),
                1,
                IcePriority.Candidate(IceCandidateType.ServerReflexive, localPreference, 1),
                mapped,
                IceCandidateType.ServerReflexive,
                host.EndPoint));
        }
    }

    private async Task GatherRelayedAsync(TurnClientOptions turn, CancellationToken cancellationToken)
    {
        TurnClient client;
        IPEndPoint relayed;
        try
        {
            client = new TurnClient(turn, _time);
        }
        catch (SocketException e)
        {
            RelayError = e;
            return;
        }

        try
        {
            relayed = await client.AllocateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TurnException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            RelayError = e;
            client.Dispose();
            return;
        }
        catch
        {
            client.Dispose();
            throw;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                client.Dispose();
                return;
            }

            IceSocket socket = IceSocket.ForRelay(client, relayed, OnDatagram);
            client.Failed += (_, e) => OnRelayFailed(socket, e.Error);
            client.Reallocated += (_, e) => OnRelayReallocated(socket, turn.Server, e);
            var candidate = new IceCandidate(
                IceFoundation.Compute(IceCandidateType.Relayed, relayed.Address, turn.Server),
                1,
                IcePriority.Candidate(IceCandidateType.Relayed, IcePriority.LocalPreference(relayed.AddressFamily, 0), 1),
                relayed,
                IceCandidateType.Relayed,
                client.MappedEndPoint ?? client.LocalEndPoint);
            socket.HostCandidate = candidate;
            _sockets.Add(socket);
            _localCandidates.Add(candidate);
            foreach (IceCandidate remote in _remoteCandidates)
            {
                AddPair(socket, remote, IceCandidatePairState.Frozen);
            }

            UnfreezeInitial();
            EnsurePacing();
        }
    }

    /// <summary>The allocation was lost for good: its pairs cannot succeed any more (a selected one is left to consent freshness).</summary>
    private void OnRelayFailed(IceSocket socket, TurnException error)
    {
        lock (_gate)
        {
            RelayError = error;
            foreach (IceCandidatePair pair in _pairs)
            {
                if (pair.Socket == socket && pair != _selected)
                {
                    pair.State = IceCandidatePairState.Failed;
                }
            }
        }
    }

    /// <summary>
    /// The allocation was lost and replaced (the TURN client restored permissions and channels): the relayed candidate
    /// moves to the new address; pairs made from now on (after a restart, or for new remote candidates) use it.
    /// </summary>
    private void OnRelayReallocated(IceSocket socket, IPEndPoint? server, TurnReallocatedEventArgs e)
    {
        lock (_gate)
        {
            if (_disposed || socket.HostCandidate is not { } previous)
            {
                return;
            }

            var candidate = new IceCandidate(
                IceFoundation.Compute(IceCandidateType.Relayed, e.Relayed.Address, server),
                1,
                previous.Priority,
                e.Relayed,
                IceCandidateType.Relayed,
                socket.Relay!.MappedEndPoint ?? socket.Relay.LocalEndPoint);
            socket.Rebase(e.Relayed);
            socket.HostCandidate = candidate;
            int index = _localCandidates.IndexOf(previous);
            if (index >= 0)
            {
                _localCandidates[index] = candidate;
            }
            else
            {
                _localCandidates.Add(candidate);
            }

            var args = new IceCandidateChangedEventArgs(previous, candidate);
            _events.Post(() => RelayedCandidateChanged?.Invoke(this, args));
        }
    }

    /// <summary>Adds the pair (socket's host candidate, remote) unless the families differ or it exists; returns it.</summary>
    private IceCandidatePair? AddPair(IceSocket socket, IceCandidate remote, IceCandidatePairState state)
    {
        if (socket.LocalEndPoint.AddressFamily != remote.EndPoint.AddressFamily
            || (remote.EndPoint.AddressFamily == AddressFamily.InterNetworkV6 && socket.LocalEndPoint.Address.IsIPv6LinkLocal != remote.EndPoint.Address.IsIPv6LinkLocal))
        {
            return null;
        }

        IceCandidatePair? existing = FindPair(socket, remote.EndPoint);
        if (existing is not null)
        {
            return existing;
        }

        var pair = new IceCandidatePair(socket.HostCandidate!, remote, socket, _generation) { State = state };
        pair.UpdatePriority(_role);
        _pairs.Add(pair);

        // Through a relay, the peer's checks pass only once the server holds a permission for its address.
        socket.Relay?.RequestPermission(remote.EndPoint);
        return pair;
    }

    private IceCandidatePair? FindPair(IceSocket socket, IPEndPoint remote)
    {
        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.Socket == socket && pair.Remote.EndPoint.Equals(remote))
            {
                return pair;
            }
        }

        return null;
    }

    /// <summary>For each foundation with nothing active yet, the highest-priority frozen pair becomes Waiting (RFC 8445 section 6.1.2.6).</summary>
    private void UnfreezeInitial()
    {
        var active = new HashSet<string>();
        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.State != IceCandidatePairState.Frozen)
            {
                active.Add(pair.Local.Foundation + "/" + pair.Remote.Foundation);
            }
        }

        var pairs = _pairs.ToArray();
        Array.Sort(pairs, static (a, b) => b.Priority.CompareTo(a.Priority));
        foreach (IceCandidatePair pair in pairs)
        {
            if (pair.State == IceCandidatePairState.Frozen && active.Add(pair.Local.Foundation + "/" + pair.Remote.Foundation))
            {
                pair.State = IceCandidatePairState.Waiting;
            }
        }
    }
}
