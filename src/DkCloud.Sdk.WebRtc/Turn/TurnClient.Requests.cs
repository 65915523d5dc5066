using System;
using System.Buffers.Binary;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>Authenticated requests (RFC 8489 section 9.2) and their retransmission (RFC 8489 section 6.2.1).</summary>
internal sealed partial class TurnClient
{
    private const int Unauthenticated = 401;
    private const int StaleNonce = 438;
    private const int AllocationMismatch = 437;

    /// <summary>
    /// Sends a request and returns its success response. The first request goes without credentials; a 401 with
    /// REALM and NONCE supplies them, a 438 a fresh NONCE, and the request is sent again (once for each).
    /// </summary>
    private async Task<TurnResponse> RequestAsync(StunMethod method, TurnRequestAttributes? attributes, CancellationToken cancellationToken)
    {
        int allocation;
        lock (_gate)
        {
            allocation = _allocation;
        }

        await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
        bool challenged = false;
        bool staleRetried = false;
        while (true)
        {
            byte[]? key;
            string? realm;
            string? nonce;
            lock (_gate)
            {
                key = _key;
                realm = _realm;
                nonce = _nonce;
            }

            byte[] id = NewTransactionId();
            byte[] request = BuildRequest(method, id, attributes, key, realm, nonce);
            byte[] raw = await TransactAsync(id, request, cancellationToken).ConfigureAwait(false);
            TurnResponse response = TurnResponse.Read(raw, key)
                ?? throw new TurnException(TurnError.InvalidResponse, 0, "The TURN server sent a malformed response.");
            if (response.Success)
            {
                if (key is not null && !response.Authenticated)
                {
                    throw new TurnException(TurnError.InvalidResponse, 0, "The TURN " + method + " success response failed the MESSAGE-INTEGRITY check.");
                }

                return response;
            }

            if (response.ErrorCode == Unauthenticated && !challenged && response.Realm is not null && response.Nonce is not null)
            {
                challenged = true;
                SetCredentials(response.Realm, response.Nonce);
                continue;
            }

            if (response.ErrorCode == StaleNonce && !staleRetried && response.Nonce is not null && key is not null)
            {
                staleRetried = true;
                SetCredentials(response.Realm ?? realm!, response.Nonce);
                continue;
            }

            var error = new TurnException(TurnError.ErrorResponse, response.ErrorCode, "TURN " + method + " failed: " + response.ErrorCode + " " + response.Reason + ".");
            if (response.ErrorCode == AllocationMismatch && method != StunMethod.Allocate)
            {
                // The server does not know the allocation (it restarted, or the allocation expired).
                OnAllocationLost(error, allocation);
            }

            throw error;
        }
    }

    /// <summary>
    /// Over TCP or TLS: connects once per socket (the first request waits for it), over TLS completes the handshake
    /// (RFC 8656 section 3.1), then starts the receive loop.
    /// </summary>
    private Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (!_stream)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            return _connect ??= ConnectAsync(_socket);
        }

        async Task ConnectAsync(Socket socket)
        {
            try
            {
                await socket.ConnectAsync(_server).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                throw new TurnException(TurnError.SocketError, 0, "Could not connect to the TURN server " + _server + " over TCP.", e);
            }

            var network = new NetworkStream(socket, ownsSocket: false);
            Stream connection = network;
            if (_options.Transport == TurnTransport.Tls)
            {
                var tls = new SslStream(network, leaveInnerStreamOpen: false, _options.CertificateValidation);
                try
                {
                    await tls.AuthenticateAsClientAsync(_options.ServerName ?? _server.Address.ToString()).ConfigureAwait(false);
                }
                catch (Exception e) when (e is AuthenticationException || e is IOException || e is ObjectDisposedException || e is SocketException)
                {
                    tls.Dispose();
                    throw new TurnException(TurnError.TlsError, 0, "The TLS handshake with the TURN server " + _server + " failed: " + e.Message, e);
                }

                connection = tls;
            }

            lock (_gate)
            {
                if (_disposed.IsCancellationRequested || socket != _socket)
                {
                    connection.Dispose();
                    throw new TurnException(TurnError.Disposed, 0, "The TURN client was disposed.");
                }

                _connection = connection;
            }

            _ = ReceiveStreamAsync(connection);
        }
    }

    /// <summary>Fails every request in flight with <paramref name="error"/> (their answers will not come).</summary>
    private void FailPending(TurnException error)
    {
        TurnTransaction[] pending;
        lock (_gate)
        {
            pending = new TurnTransaction[_pending.Count];
            _pending.Values.CopyTo(pending, 0);
        }

        foreach (TurnTransaction transaction in pending)
        {
            transaction.Fail(error);
        }
    }

    private void SetCredentials(string realm, string nonce)
    {
        byte[] key = StunCredentials.LongTermKey(_options.Username, realm, _options.Password);
        lock (_gate)
        {
            _realm = realm;
            _nonce = nonce;
            _key = key;
        }
    }

    private static byte[] NewTransactionId()
    {
        var id = new byte[StunConstants.TransactionIdLength];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(id);
        }

        return id;
    }

    private static (ulong, uint) KeyOf(ReadOnlySpan<byte> transactionId) =>
        (BinaryPrimitives.ReadUInt64BigEndian(transactionId), BinaryPrimitives.ReadUInt32BigEndian(transactionId.Slice(8)));

    private byte[] BuildRequest(StunMethod method, byte[] id, TurnRequestAttributes? attributes, byte[]? key, string? realm, string? nonce)
    {
        // Room for the fixed attributes plus USERNAME, REALM and NONCE at up to four UTF-8 bytes per character
        // (servers may send REALM and NONCE of up to 763 bytes each).
        int credentialChars = key is null ? 0 : _options.Username.Length + realm!.Length + nonce!.Length;
        var buffer = new byte[512 + (4 * credentialChars)];
        var writer = new StunMessageWriter(buffer, method, StunClass.Request, id);
        attributes?.Invoke(ref writer);
        writer.AddString(StunAttributeType.Software, Software);
        if (key is not null)
        {
            writer.AddString(StunAttributeType.Username, _options.Username);
            writer.AddString(StunAttributeType.Realm, realm!);
            writer.AddString(StunAttributeType.Nonce, nonce!);
            writer.AddMessageIntegrity(key);
        }

        writer.AddFingerprint();
        return writer.Written.ToArray();
    }

    private async Task<byte[]> TransactAsync(byte[] id, byte[] request, CancellationToken cancellationToken)
    {
        var transaction = new TurnTransaction(KeyOf(id), request);
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                throw new TurnException(TurnError.Disposed, 0, "The TURN client was disposed.");
            }

            _pending[transaction.Key] = transaction;
            transaction.Timer = _time.CreateTimer(
                static s =>
                {
                    var state = (Tuple<TurnClient, TurnTransaction>)s!;
                    state.Item1.OnRetransmit(state.Item2);
                },
                Tuple.Create(this, transaction),
                Timeout.InfiniteTimeSpan,
                Timeout.InfiniteTimeSpan);
        }

        try
        {
            using (cancellationToken.Register(static s => ((TurnTransaction)s!).Fail(new OperationCanceledException("The TURN request was cancelled.")), transaction))
            {
                Transmit(transaction);
                return await transaction.Completion.Task.ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_gate)
            {
                _pending.Remove(transaction.Key);
            }
        }
    }

    private void Transmit(TurnTransaction transaction)
    {
        lock (transaction)
        {
            if (transaction.Completion.Task.IsCompleted)
            {
                return;
            }

            transaction.Sent++;
            TimeSpan wait = _stream ? _options.StreamTransactionTimeout : _options.Retransmission.WaitAfter(transaction.Sent);
            transaction.Timer?.Change(wait, Timeout.InfiniteTimeSpan);
        }

        if (!SendRaw(transaction.Request))
        {
            transaction.Fail(new TurnException(TurnError.SocketError, 0, "The TURN request could not be sent to " + _server + "."));
        }
    }

    private void OnRetransmit(TurnTransaction transaction)
    {
        if (transaction.Completion.Task.IsCompleted)
        {
            return;
        }

        if (_stream || transaction.Sent >= _options.Retransmission.MaxRequests)
        {
            transaction.Fail(new TurnException(TurnError.Timeout, 0, "No TURN response from " + _server + " after " + transaction.Sent + " requests."));
            return;
        }

        Transmit(transaction);
    }
}
