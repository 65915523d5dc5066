using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>The receive loop: responses, Data indications and ChannelData from the server (anything else is dropped).</summary>
internal sealed partial class TurnClient
{
    /// <summary>Reads one UDP socket until it is closed (disposed, or replaced by a re-allocation).</summary>
    private async Task ReceiveDatagramsAsync(Socket socket)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
        while (!_disposed.IsCancellationRequested)
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
            catch (SocketException) when (!_disposed.IsCancellationRequested)
            {
                // ICMP errors of earlier sends surface here on some platforms; keep listening.
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            if (_server.Equals(result.RemoteEndPoint))
            {
                OnDatagram(buffer.AsSpan(0, result.ReceivedBytes));
            }
        }
    }

    /// <summary>Reads the TCP or TLS stream and hands each framed message to <see cref="OnDatagram"/>; stops at a framing error or EOF.</summary>
    private async Task ReceiveStreamAsync(Stream connection)
    {
        var buffer = new byte[TurnStreamFraming.MaxFrame * 2];
        int count = 0;
        while (!_disposed.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await connection.ReadAsync(buffer, count, buffer.Length - count).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ObjectDisposedException || e is SocketException || e is IOException || e is InvalidOperationException)
            {
                OnStreamClosed(connection);
                return;
            }

            if (received == 0)
            {
                OnStreamClosed(connection);
                return;
            }

            count += received;
            int start = 0;
            while (true)
            {
                int frame = TurnStreamFraming.FrameLength(buffer.AsSpan(start, count - start));
                if (frame < 0)
                {
                    OnStreamClosed(connection);
                    return;
                }

                if (frame == 0 || frame > count - start)
                {
                    break;
                }

                OnDatagram(buffer.AsSpan(start, frame));
                start += frame;
            }

            Buffer.BlockCopy(buffer, start, buffer, 0, count - start);
            count -= start;
        }
    }

    /// <summary>
    /// The TCP (or TLS) connection ended: the allocation is gone with it (RFC 8656 section 3.1), and so are the answers
    /// to the requests sent on it. Nothing to do when it was an earlier connection, already replaced.
    /// </summary>
    private void OnStreamClosed(Stream connection)
    {
        int allocation;
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested || connection != _connection)
            {
                return;
            }

            allocation = _allocation;
        }

        var error = new TurnException(TurnError.SocketError, 0, "The " + _options.Transport.ToString().ToUpperInvariant() + " connection to the TURN server " + _server + " closed.");
        FailPending(error);
        OnAllocationLost(error, allocation);
    }

    /// <summary>Handles one datagram from the server (public to tests through the same path as the socket).</summary>
    internal void OnDatagram(Span<byte> datagram)
    {
        if (datagram.Length == 0)
        {
            return;
        }

        if ((datagram[0] & 0xC0) == 0x40)
        {
            OnChannelData(datagram);
            return;
        }

        if (!StunMessage.TryParse(datagram, out StunMessage message, out _))
        {
            return;
        }

        if (message.Class == StunClass.SuccessResponse || message.Class == StunClass.ErrorResponse)
        {
            TurnTransaction? transaction;
            lock (_gate)
            {
                _pending.TryGetValue(KeyOf(message.TransactionId), out transaction);
            }

            transaction?.Complete(datagram.ToArray());
            return;
        }

        if (message.Class == StunClass.Indication
            && message.Method == StunMethod.Data
            && message.TryGetAddress(StunAttributeType.XorPeerAddress, out IPEndPoint? peer)
            && message.TryGetAttribute(StunAttributeType.Data, out ReadOnlySpan<byte> data))
        {
            byte[] copy = data.ToArray();
            Deliver(copy, peer!);
        }
    }

    private void OnChannelData(Span<byte> datagram)
    {
        if (!TurnChannelData.TryRead(datagram, stream: false, out ushort channel, out int offset, out int length, out _))
        {
            return;
        }

        IPEndPoint peer;
        lock (_gate)
        {
            if (!_channels.TryGetValue(channel, out TurnPeer? state))
            {
                return;
            }

            peer = state.EndPoint;
        }

        Deliver(datagram.Slice(offset, length), peer);
    }

    private void Deliver(Span<byte> data, IPEndPoint peer)
    {
        lock (_gate)
        {
            if (!_allocated)
            {
                return;
            }
        }

        DataReceived?.Invoke(data, peer);
    }
}
