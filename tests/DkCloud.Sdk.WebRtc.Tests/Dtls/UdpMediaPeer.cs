using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Rtp;

namespace DkCloud.Sdk.WebRtc.Tests.Dtls;

/// <summary>
/// A UDP socket on 127.0.0.1 demultiplexed per RFC 7983: DTLS goes to a <see cref="DtlsSrtpTransport"/>, RTP to a channel.
/// </summary>
internal sealed class UdpMediaPeer : IDatagramSender, IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Channel<byte[]> _rtp = Channel.CreateUnbounded<byte[]>();
    private readonly Task _loop;

    public UdpMediaPeer()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = ReceiveAsync();
    }

    public IPEndPoint LocalEndPoint { get; }

    public IPEndPoint? Remote { get; set; }

    public DtlsSrtpTransport? Dtls { get; set; }

    public ChannelReader<byte[]> Rtp => _rtp.Reader;

    public int MaxDatagramSize => 1200;

    public void Send(ReadOnlySpan<byte> datagram)
    {
        try
        {
            _socket.SendTo(datagram.ToArray(), Remote!);
        }
        catch (SocketException)
        {
            // Dropped, as UDP would.
        }
        catch (ObjectDisposedException)
        {
            // Closing.
        }
    }

    public void Dispose()
    {
        Dtls?.Dispose();
        _socket.Dispose();
        _rtp.Writer.TryComplete();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            int received;
            try
            {
                SocketReceiveFromResult result = await _socket.ReceiveFromAsync(new ArraySegment<byte>(buffer), SocketFlags.None, any);
                received = result.ReceivedBytes;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            ReadOnlySpan<byte> datagram = buffer.AsSpan(0, received);
            switch (MediaPacketClassifier.Classify(datagram))
            {
                case MediaPacketKind.Dtls:
                    Dtls?.Deliver(datagram);
                    break;
                case MediaPacketKind.Rtp:
                    _rtp.Writer.TryWrite(datagram.ToArray());
                    break;
            }
        }
    }
}
