using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>Permissions, channels and sending to peers (RFC 8656 sections 9-12).</summary>
internal sealed partial class TurnClient
{
    /// <summary>Installs (or refreshes) a permission for <paramref name="peer"/>'s IP address.</summary>
    /// <exception cref="TurnException">The server refused or did not answer, or there is no allocation.</exception>
    public async Task CreatePermissionAsync(IPEndPoint peer, CancellationToken cancellationToken = default)
    {
        if (peer is null)
        {
            throw new ArgumentNullException(nameof(peer));
        }

        ThrowIfNotAllocated();
        await RequestAsync(StunMethod.CreatePermission, (ref StunMessageWriter w) => w.AddAddress(StunAttributeType.XorPeerAddress, peer), cancellationToken).ConfigureAwait(false);
        OnPermitted(peer);
    }

    /// <summary>Binds a channel to <paramref name="peer"/> (or refreshes the bound one); it also installs the permission.</summary>
    /// <returns>The channel number (0x4000-0x4FFF).</returns>
    /// <exception cref="TurnException">The server refused or did not answer, or there is no allocation.</exception>
    public async Task<ushort> BindChannelAsync(IPEndPoint peer, CancellationToken cancellationToken = default)
    {
        if (peer is null)
        {
            throw new ArgumentNullException(nameof(peer));
        }

        ThrowIfNotAllocated();
        ushort channel;
        lock (_gate)
        {
            TurnPeer state = PeerOf(peer);
            channel = state.Channel != 0 ? state.Channel : state.PendingChannel != 0 ? state.PendingChannel : NextChannel();
            state.PendingChannel = state.Channel == 0 ? channel : (ushort)0;
        }

        try
        {
            await RequestAsync(
                StunMethod.ChannelBind,
                (ref StunMessageWriter w) =>
                {
                    w.AddChannelNumber(channel);
                    w.AddAddress(StunAttributeType.XorPeerAddress, peer);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                if (_peers.TryGetValue(peer, out TurnPeer? state) && state.PendingChannel == channel)
                {
                    state.PendingChannel = 0;
                }
            }

            throw;
        }

        lock (_gate)
        {
            TurnPeer state = PeerOf(peer);
            state.Channel = channel;
            state.PendingChannel = 0;
            _channels[channel] = state;
        }

        OnPermitted(peer);
        return channel;
    }

    /// <summary>
    /// Starts creating a permission for <paramref name="peer"/> in the background unless it exists or is on its way,
    /// so the peer's first datagrams are not dropped by the server (ICE does this for each remote candidate).
    /// </summary>
    /// <returns>True when a CreatePermission was started.</returns>
    public bool RequestPermission(IPEndPoint peer)
    {
        if (peer is null)
        {
            throw new ArgumentNullException(nameof(peer));
        }

        lock (_gate)
        {
            if (!_allocated)
            {
                return false;
            }

            TurnPeer state = PeerOf(peer);
            if (state.Permitted || state.PermissionPending)
            {
                return false;
            }

            state.PermissionPending = true;
        }

        _ = PermitAndFlushAsync(peer);
        return true;
    }

    /// <summary>
    /// Sends <paramref name="data"/> to <paramref name="peer"/> through the relay: as ChannelData when a channel is
    /// bound, else in a Send indication when the permission exists, else queued while the permission is created.
    /// </summary>
    /// <returns>False when there is no allocation or the datagram could not be sent.</returns>
    public bool SendTo(ReadOnlySpan<byte> data, IPEndPoint peer)
    {
        if (peer is null)
        {
            throw new ArgumentNullException(nameof(peer));
        }

        byte[]? packet;
        int length;
        bool startPermission = false;
        bool startChannel = false;
        lock (_gate)
        {
            if (!_allocated)
            {
                return false;
            }

            TurnPeer state = PeerOf(peer);
            if (state.Channel != 0)
            {
                packet = new byte[TurnChannelData.EncodedLength(data.Length, _stream)];
                length = TurnChannelData.Write(packet, state.Channel, data, _stream);
            }
            else if (state.Permitted)
            {
                packet = SendIndication(data, peer);
                length = packet.Length;
                startChannel = _options.UseChannels && state.PendingChannel == 0;
            }
            else
            {
                if (state.Queued.Count == TurnPeer.MaxQueued)
                {
                    state.Queued.Dequeue();
                }

                state.Queued.Enqueue(data.ToArray());
                startPermission = !state.PermissionPending;
                state.PermissionPending = true;
                packet = null;
                length = 0;
            }
        }

        if (startPermission)
        {
            _ = PermitAndFlushAsync(peer);
        }

        if (startChannel)
        {
            _ = BindChannelQuietlyAsync(peer);
        }

        return packet is null || SendRaw(packet, length);
    }

    private static byte[] SendIndication(ReadOnlySpan<byte> data, IPEndPoint peer)
    {
        var buffer = new byte[StunConstants.HeaderLength + 24 + 4 + data.Length + 3];
        var writer = new StunMessageWriter(buffer, StunMethod.Send, StunClass.Indication, NewTransactionId());
        writer.AddAddress(StunAttributeType.XorPeerAddress, peer);
        writer.AddAttribute(StunAttributeType.Data, data);
        return writer.Written.ToArray();
    }

    private TurnPeer PeerOf(IPEndPoint peer)
    {
        if (!_peers.TryGetValue(peer, out TurnPeer? state))
        {
            state = new TurnPeer(peer);
            _peers.Add(peer, state);
        }

        return state;
    }

    private ushort NextChannel()
    {
        for (int i = 0; i <= TurnChannelData.MaxChannel - TurnChannelData.MinChannel; i++)
        {
            ushort candidate = _nextChannel;
            _nextChannel = candidate == TurnChannelData.MaxChannel ? TurnChannelData.MinChannel : (ushort)(candidate + 1);
            if (!_channels.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        throw new TurnException(TurnError.ErrorResponse, 0, "Every TURN channel number is in use.");
    }

    /// <summary>Marks the peer permitted and sends what waited for the permission, in order.</summary>
    private void OnPermitted(IPEndPoint peer)
    {
        var flush = new List<byte[]>();
        bool startChannel;
        lock (_gate)
        {
            if (!_allocated)
            {
                return;
            }

            TurnPeer state = PeerOf(peer);
            state.Permitted = true;
            state.PermissionPending = false;
            while (state.Queued.Count > 0)
            {
                flush.Add(state.Queued.Dequeue());
            }

            startChannel = flush.Count > 0 && _options.UseChannels && state.Channel == 0 && state.PendingChannel == 0;
        }

        foreach (byte[] data in flush)
        {
            SendTo(data, peer);
        }

        if (startChannel)
        {
            _ = BindChannelQuietlyAsync(peer);
        }
    }

    private async Task PermitAndFlushAsync(IPEndPoint peer)
    {
        try
        {
            await CreatePermissionAsync(peer, _disposed.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TurnException || e is OperationCanceledException)
        {
            lock (_gate)
            {
                if (_peers.TryGetValue(peer, out TurnPeer? state))
                {
                    state.PermissionPending = false;
                    state.Queued.Clear();
                }
            }
        }
    }

    private async Task BindChannelQuietlyAsync(IPEndPoint peer)
    {
        try
        {
            await BindChannelAsync(peer, _disposed.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TurnException || e is OperationCanceledException)
        {
            // Send indications keep working without a channel.
        }
    }

    /// <summary>Every few minutes: refresh each channel (which refreshes its permission) and each other permission.</summary>
    private void OnPermissionTimer()
    {
        var channels = new List<IPEndPoint>();
        var permissions = new List<IPEndPoint>();
        lock (_gate)
        {
            if (!_allocated)
            {
                return;
            }

            foreach (TurnPeer peer in _peers.Values)
            {
                if (peer.Channel != 0)
                {
                    channels.Add(peer.EndPoint);
                }
                else if (peer.Permitted)
                {
                    permissions.Add(peer.EndPoint);
                }
            }
        }

        foreach (IPEndPoint peer in channels)
        {
            _ = BindChannelQuietlyAsync(peer);
        }

        foreach (IPEndPoint peer in permissions)
        {
            _ = RefreshPermissionQuietlyAsync(peer);
        }
    }

    private async Task RefreshPermissionQuietlyAsync(IPEndPoint peer)
    {
        try
        {
            await CreatePermissionAsync(peer, _disposed.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TurnException || e is OperationCanceledException)
        {
            lock (_gate)
            {
                if (_peers.TryGetValue(peer, out TurnPeer? state))
                {
                    state.Permitted = false;
                }
            }
        }
    }
}
