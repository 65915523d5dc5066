using System;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Sip.Transport;

/// <summary>
/// A connection that carries whole SIP messages (RFC 7118: one message per WebSocket message). Events are raised on
/// the transport's receive thread, in order; handlers must not block.
/// </summary>
internal interface ISipTransport : IDisposable
{
    /// <summary>A message arrived.</summary>
    event Action<SipMessage>? MessageReceived;

    /// <summary>The connection is up; the argument is true after a reconnect.</summary>
    event Action<bool>? Connected;

    /// <summary>The connection was lost (the transport reconnects by itself) or closed.</summary>
    event Action<Exception?>? Disconnected;

    /// <summary>Reconnecting gave up; the transport stays closed.</summary>
    event Action<SipException>? Failed;

    /// <summary>True while a connection is open.</summary>
    bool IsConnected { get; }

    /// <summary>True when the transport is reliable (no request retransmissions).</summary>
    bool IsReliable { get; }

    /// <summary>Opens the first connection; later losses reconnect in the background.</summary>
    /// <exception cref="SipException"><see cref="SipErrorCode.ConnectionFailed"/>.</exception>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Queues a message; never blocks. Messages queued while disconnected go out after the reconnect.</summary>
    void Send(byte[] message);

    /// <summary>Closes the connection and stops reconnecting.</summary>
    Task CloseAsync(CancellationToken cancellationToken);
}
