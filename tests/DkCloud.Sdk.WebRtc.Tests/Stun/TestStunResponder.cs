using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Tests.Stun;

/// <summary>A tiny STUN server on 127.0.0.1 that answers Binding requests, optionally dropping the first ones.</summary>
internal sealed class TestStunResponder : IDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly TimeProvider _clock;
    private readonly int _drop;
    private readonly int _errorCode;
    private readonly SemaphoreSlim _received = new(0);
    private readonly List<DateTimeOffset> _times = new();
    private readonly Task _loop;

    public TestStunResponder(TimeProvider clock, int drop = 0, int errorCode = 0)
    {
        _clock = clock;
        _drop = drop;
        _errorCode = errorCode;
        _loop = RunAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

    /// <summary>Clock readings at which requests arrived.</summary>
    public IReadOnlyList<DateTimeOffset> RequestTimes
    {
        get
        {
            lock (_times)
            {
                return _times.ToArray();
            }
        }
    }

    /// <summary>Waits (in real time) until one more request arrived.</summary>
    public Task<bool> WaitForRequestAsync() => _received.WaitAsync(TimeSpan.FromSeconds(10));

    public void Dispose()
    {
        _udp.Dispose();
        _received.Dispose();
    }

    private async Task RunAsync()
    {
        while (true)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await _udp.ReceiveAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            int count;
            lock (_times)
            {
                _times.Add(_clock.GetUtcNow());
                count = _times.Count;
            }

            byte[]? reply = count > _drop ? BuildReply(datagram.Buffer, datagram.RemoteEndPoint) : null;
            if (reply is not null)
            {
                await _udp.SendAsync(reply, reply.Length, datagram.RemoteEndPoint).ConfigureAwait(false);
            }

            _received.Release();
        }
    }

    private byte[]? BuildReply(byte[] request, IPEndPoint source)
    {
        if (!StunMessage.TryParse(request, out StunMessage message, out _) || message.Class != StunClass.Request)
        {
            return null;
        }

        var buffer = new byte[200];
        if (_errorCode != 0)
        {
            var error = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.ErrorResponse, message.TransactionId);
            error.AddErrorCode(_errorCode, "Try Alternate");
            return error.Written.ToArray();
        }

        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.SuccessResponse, message.TransactionId);
        writer.AddAddress(StunAttributeType.XorMappedAddress, source);
        writer.AddFingerprint();
        return writer.Written.ToArray();
    }
}
