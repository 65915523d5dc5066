using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.Tests.Support;

/// <summary>
/// A WebSocket whose peer has stopped: it stays open, never delivers a message, and never takes a frame (a send
/// waits until the socket is aborted or disposed), as when the far end no longer reads and the buffers are full.
/// </summary>
internal sealed class SilentWebSocket : WebSocket
{
    private readonly TaskCompletionSource<bool> _gone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebSocketState _state = WebSocketState.Open;

    public int SendsStarted { get; private set; }

    public override WebSocketCloseStatus? CloseStatus => null;

    public override string? CloseStatusDescription => null;

    public override WebSocketState State => _state;

    public override string? SubProtocol => null;

    public override void Abort() => Gone(WebSocketState.Aborted);

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        Gone(WebSocketState.Closed);
        return Task.CompletedTask;
    }

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
        => CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override void Dispose() => Gone(WebSocketState.Closed);

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        await _gone.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
    }

    public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        SendsStarted++;
        await _gone.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        throw new ObjectDisposedException(nameof(SilentWebSocket));
    }

    private void Gone(WebSocketState state)
    {
        _state = state;
        _gone.TrySetResult(true);
    }
}
