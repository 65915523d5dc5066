using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>
/// Sends STUN Binding requests from its own UDP socket and returns the server-reflexive address, retransmitting as
/// RFC 8489 section 6.2.1 prescribes. Every timer runs on the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>Thread-safe: several bindings may be in flight. <see cref="Dispose"/> fails them all.</remarks>
internal sealed class StunBindingClient : IDisposable
{
    private const string Software = "DkCloud.Sdk.WebRtc";
    private readonly Socket _socket;
    private readonly TimeProvider _timeProvider;
    private readonly StunRetransmissionOptions _options;
    private readonly ConcurrentDictionary<(ulong, uint), StunClientTransaction> _pending = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly bool _ownsSocket = true;
    private long _requestsSent;

    /// <summary>Binds a UDP socket to <paramref name="localEndPoint"/> and starts receiving.</summary>
    public StunBindingClient(IPEndPoint localEndPoint, TimeProvider timeProvider, StunRetransmissionOptions? options = null)
    {
        if (localEndPoint is null)
        {
            throw new ArgumentNullException(nameof(localEndPoint));
        }

        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? new StunRetransmissionOptions();
        _options.Validate();
        _socket = new Socket(localEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(localEndPoint);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _ = ReceiveLoopAsync();
    }

    /// <summary>
    /// Sends from <paramref name="sharedSocket"/>, a bound socket that the caller owns and reads (an ICE socket, so the
    /// server-reflexive address is that socket's mapping); the caller hands STUN responses to <see cref="Deliver"/>.
    /// </summary>
    public StunBindingClient(Socket sharedSocket, TimeProvider timeProvider, StunRetransmissionOptions? options = null)
    {
        _socket = sharedSocket ?? throw new ArgumentNullException(nameof(sharedSocket));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? new StunRetransmissionOptions();
        _options.Validate();
        _ownsSocket = false;
        LocalEndPoint = (IPEndPoint)(sharedSocket.LocalEndPoint ?? throw new ArgumentException("The socket is not bound.", nameof(sharedSocket)));
    }

    /// <summary>The bound local address and port.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Requests sent, retransmissions included.</summary>
    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    /// <summary>Runs one Binding transaction against <paramref name="server"/>.</summary>
    /// <returns>The mapped (server-reflexive) address.</returns>
    /// <exception cref="OperationCanceledException">Cancelled by the caller, or timed out (inner <see cref="TimeoutException"/>).</exception>
    /// <exception cref="StunTransactionException">The server sent an error response or an unusable success response.</exception>
    public async Task<IPEndPoint> BindAsync(IPEndPoint server, CancellationToken cancellationToken = default)
    {
        if (server is null)
        {
            throw new ArgumentNullException(nameof(server));
        }

        if (_disposed.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(StunBindingClient));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var transactionId = new byte[StunConstants.TransactionIdLength];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(transactionId);
        }

        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.Request, transactionId);
        writer.AddString(StunAttributeType.Software, Software);
        writer.AddFingerprint();
        byte[] request = writer.Written.ToArray();

        var key = StunClientTransaction.KeyOf(transactionId);
        var transaction = new StunClientTransaction(request, server, _options);
        _pending[key] = transaction;
        try
        {
            using (cancellationToken.Register(static state => ((StunClientTransaction)state!).Fail(new OperationCanceledException("The STUN binding was cancelled.")), transaction))
            using (ITimer timer = _timeProvider.CreateTimer(static state => ((StunBindingClient)((object[])state!)[0]).OnTimer((StunClientTransaction)((object[])state!)[1]), new object[] { this, transaction }, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan))
            {
                transaction.Timer = timer;
                lock (transaction)
                {
                    Send(transaction);
                }

                return await transaction.Completion.Task.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The STUN binding was cancelled.", null, cancellationToken);
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        if (_ownsSocket)
        {
            _socket.Dispose();
        }

        foreach (StunClientTransaction transaction in _pending.Values)
        {
            transaction.Fail(new ObjectDisposedException(nameof(StunBindingClient)));
        }

        _disposed.Dispose();
    }

    /// <summary>Sends the request and arms the timer for the next step; called under the transaction lock.</summary>
    private void Send(StunClientTransaction transaction)
    {
        if (transaction.Completion.Task.IsCompleted)
        {
            return;
        }

        try
        {
            _socket.SendTo(transaction.Request, transaction.Server);
        }
        catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
        {
            transaction.Fail(new StunTransactionException(StunTransactionError.SocketError, 0, "The STUN request could not be sent.", e));
            return;
        }

        Interlocked.Increment(ref _requestsSent);
        transaction.Sent++;
        transaction.Timer?.Change(_options.WaitAfter(transaction.Sent), Timeout.InfiniteTimeSpan);
    }

    private void OnTimer(StunClientTransaction transaction)
    {
        lock (transaction)
        {
            if (transaction.Completion.Task.IsCompleted)
            {
                return;
            }

            if (transaction.Sent >= _options.MaxRequests)
            {
                string text = "No STUN response from " + transaction.Server + " after " + transaction.Sent + " requests.";
                transaction.Fail(new OperationCanceledException(text, new TimeoutException(text)));
                return;
            }

            Send(transaction);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
        while (!_disposed.IsCancellationRequested)
        {
            int received;
            try
            {
                SocketReceiveFromResult result = await _socket.ReceiveFromAsync(new ArraySegment<byte>(buffer), SocketFlags.None, any).ConfigureAwait(false);
                received = result.ReceivedBytes;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!_disposed.IsCancellationRequested)
            {
                // ICMP port unreachable and the like surface as receive errors on some platforms; keep listening.
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            Deliver(buffer.AsSpan(0, received));
        }
    }

    /// <summary>Completes the pending binding that <paramref name="datagram"/> answers.</summary>
    /// <returns>False when the datagram is not a STUN response to a pending binding of this client.</returns>
    public bool Deliver(ReadOnlySpan<byte> datagram)
    {
        if (!StunMessage.TryParse(datagram, out StunMessage message, out _)
            || (message.Class != StunClass.SuccessResponse && message.Class != StunClass.ErrorResponse)
            || !_pending.TryGetValue(StunClientTransaction.KeyOf(message.TransactionId), out StunClientTransaction? transaction))
        {
            return false;
        }

        if (message.Class == StunClass.ErrorResponse)
        {
            message.TryGetErrorCode(out int code, out string reason);
            transaction.Fail(new StunTransactionException(StunTransactionError.ErrorResponse, code, "STUN error response " + code + " " + reason + "."));
            return true;
        }

        if (message.TryGetAddress(StunAttributeType.XorMappedAddress, out IPEndPoint? mapped)
            || message.TryGetAddress(StunAttributeType.MappedAddress, out mapped))
        {
            transaction.Completion.TrySetResult(mapped!);
        }
        else
        {
            transaction.Fail(new StunTransactionException(StunTransactionError.InvalidResponse, 0, "The STUN success response has no mapped address."));
        }

        return true;
    }
}
