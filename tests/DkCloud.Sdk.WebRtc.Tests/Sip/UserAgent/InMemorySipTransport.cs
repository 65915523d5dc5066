using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.Transport;

namespace DkCloud.Sdk.WebRtc.Tests.Sip.UserAgent;

/// <summary>A transport that records what is sent and lets a test deliver messages and drop the connection.</summary>
internal sealed class InMemorySipTransport : ISipTransport
{
    private readonly object _gate = new();
    private readonly List<SipMessage> _sent = new();
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private int _read;

    public event Action<SipMessage>? MessageReceived;
    public event Action<bool>? Connected;
    public event Action<Exception?>? Disconnected;
    public event Action<SipException>? Failed;

    public bool IsConnected { get; private set; }
    public bool IsReliable => true;

    public IReadOnlyList<SipMessage> Sent
    {
        get { lock (_gate) { return _sent.ToArray(); } }
    }

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        IsConnected = true;
        Connected?.Invoke(false);
        return Task.CompletedTask;
    }

    public void Send(byte[] message)
    {
        lock (_gate)
        {
            _sent.Add(SipMessage.Parse(message));
        }

        _signal.Release();
    }

    public Task CloseAsync(CancellationToken cancellationToken)
    {
        IsConnected = false;
        return Task.CompletedTask;
    }

    public void Dispose() => IsConnected = false;

    public void Deliver(SipOutgoingMessage message) => MessageReceived?.Invoke(SipMessage.Parse(message.ToArray()));

    public void Drop()
    {
        IsConnected = false;
        Disconnected?.Invoke(null);
    }

    public void Restore()
    {
        IsConnected = true;
        Connected?.Invoke(true);
    }

    public void GiveUp() => Failed?.Invoke(new SipException(SipErrorCode.TransportClosed, "gone"));

    /// <summary>The next sent message not read yet that matches; earlier non-matching ones are skipped.</summary>
    public async Task<SipMessage> NextAsync(Func<SipMessage, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            lock (_gate)
            {
                while (_read < _sent.Count)
                {
                    SipMessage message = _sent[_read++];
                    if (match(message))
                    {
                        return message;
                    }
                }
            }

            await _signal.WaitAsync(timeout.Token);
        }
    }

    public Task<SipMessage> NextRequestAsync(SipMethod method) => NextAsync(m => m.IsRequest && m.Method == method);

    public Task<SipMessage> NextResponseAsync(int status) => NextAsync(m => !m.IsRequest && m.StatusCode == status);

    /// <summary>Marks everything sent so far as read.</summary>
    public void Skip()
    {
        lock (_gate)
        {
            _read = _sent.Count;
        }
    }

    public int Count(Func<SipMessage, bool> match)
    {
        lock (_gate)
        {
            int count = 0;
            foreach (SipMessage message in _sent)
            {
                if (match(message))
                {
                    count++;
                }
            }

            return count;
        }
    }
}
