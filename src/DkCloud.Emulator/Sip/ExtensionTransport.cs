using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.Transport;

namespace DkCloud.Emulator.Sip;

/// <summary>
/// The server side's transport to one extension: whatever WebSocket the extension last spoke on. A reconnecting
/// extension moves its line to the new connection, so dialogs set up over the old one go on over the new one.
/// </summary>
internal sealed class ExtensionTransport : ISipTransport
{
    private SipConnection? _connection;

    public event Action<SipMessage>? MessageReceived;

    event Action<bool>? ISipTransport.Connected { add { } remove { } }

    event Action<Exception?>? ISipTransport.Disconnected { add { } remove { } }

    event Action<SipException>? ISipTransport.Failed { add { } remove { } }

    public bool IsConnected => Volatile.Read(ref _connection) is { IsOpen: true };

    public bool IsReliable => true;

    /// <summary>The connection messages go out on, or null.</summary>
    public SipConnection? Connection => Volatile.Read(ref _connection);

    /// <summary>Sends later messages on <paramref name="connection"/>.</summary>
    public void Bind(SipConnection connection) => Volatile.Write(ref _connection, connection);

    /// <summary>Forgets <paramref name="connection"/> when it is the current one; true when it was.</summary>
    public bool Unbind(SipConnection connection) => Interlocked.CompareExchange(ref _connection, null, connection) == connection;

    /// <summary>Hands a received message to the SIP stack.</summary>
    public void Deliver(SipMessage message) => MessageReceived?.Invoke(message);

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Send(byte[] message) => Volatile.Read(ref _connection)?.Send(message);

    public Task CloseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => Volatile.Write(ref _connection, null);
}
