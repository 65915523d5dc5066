using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// One DTLS-SRTP association (RFC 5764) over a datagram path shared with ICE and SRTP: runs the handshake in either
/// role on a dedicated thread, checks the peer certificate against its SDP fingerprint and exports the SRTP keys.
/// After the handshake that thread ends; each datagram delivered later is processed on the thread that delivers it, so
/// that a peer's retransmitted final flight is answered and a close_notify or fatal alert is noticed
/// (<see cref="Closed"/>) without a thread parked for the life of the call.
/// </summary>
/// <remarks>
/// Feed every received datagram whose first byte is 20-63 (RFC 7983) to <see cref="Deliver"/>, from any thread; after
/// the handshake one thread at a time processes them, and a datagram delivered while another thread processes (or while
/// this thread does, through a link that delivers a reply synchronously) is left to that one.
/// <see cref="HandshakeAsync"/> may be called once. The handshake's retransmission timer (RFC 6347 section 4.2.4.1:
/// <see cref="DtlsSrtpOptions.InitialRetransmissionTimeout"/>, doubling per flight) and its overall
/// <see cref="DtlsSrtpOptions.HandshakeTimeout"/> run on the injected <see cref="TimeProvider"/>; BouncyCastle's own
/// wall-clock wait can only hold a retransmission back, never bring it forward (see <see cref="DtlsDatagramTransport"/>).
/// <see cref="Closed"/> and <see cref="Retransmitted"/> are raised on the thread pool, never on a DTLS or receiving thread.
/// </remarks>
internal sealed class DtlsSrtpTransport : IDisposable
{
    private readonly DtlsDatagramTransport _transport;
    private readonly DtlsCertificate _certificate;
    private readonly DtlsSrtpOptions _options;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource<DtlsSrtpKeys> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DtlsTransport? _session;
    private ITimer? _deadline;
    private Task? _handshakeThread;
    private int _started;
    private int _disposed;
    private int _timedOut;
    private int _processing;
    private int _closedRaised;

    /// <summary>Creates the association; datagrams may be delivered before the handshake starts and wait in a queue.</summary>
    /// <param name="sender">Sends datagrams to the peer (the ICE agent's selected pair).</param>
    /// <param name="certificate">This endpoint's certificate.</param>
    /// <param name="options">Profiles and timeouts; default <see cref="DtlsSrtpOptions"/>.</param>
    /// <param name="timeProvider">The clock of the retransmission timer and the handshake timeout; default the system clock.</param>
    public DtlsSrtpTransport(IDatagramSender sender, DtlsCertificate certificate, DtlsSrtpOptions? options = null, TimeProvider? timeProvider = null)
    {
        _certificate = certificate ?? throw new ArgumentNullException(nameof(certificate));
        _options = options ?? new DtlsSrtpOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _transport = new DtlsDatagramTransport(sender, _time, _options.InitialRetransmissionTimeout);
        _transport.Retransmitting += OnRetransmitting;
    }

    /// <summary>Raised once when the peer closes the association or it fails after the handshake.</summary>
    public event EventHandler? Closed;

    /// <summary>Raised each time a handshake flight is sent again (by the timer, or because the peer repeated its flight).</summary>
    public event EventHandler<DtlsRetransmissionEventArgs>? Retransmitted;

    /// <summary>Handshake flights sent so far, not counting retransmissions.</summary>
    public int FlightsSent => _transport.Flights;

    /// <summary>Handshake flights sent again because the retransmission timer ran out.</summary>
    public int TimerRetransmissions => _transport.TimerRetransmissions;

    /// <summary>This endpoint's certificate fingerprint for <c>a=fingerprint</c>.</summary>
    public DtlsFingerprint LocalFingerprint => _certificate.Fingerprint;

    /// <summary>True after a successful handshake until the association closes.</summary>
    public bool IsConnected => _result.Task.Status == TaskStatus.RanToCompletion && !_transport.IsClosed;

    /// <summary>Received DTLS datagrams dropped because the queue was full or the association closed.</summary>
    public long DroppedDatagrams => _transport.Dropped;

    /// <summary>
    /// The handshake's thread: it ends when the handshake does, whatever its outcome; null before
    /// <see cref="HandshakeAsync"/>.
    /// </summary>
    internal Task? HandshakeThread => Volatile.Read(ref _handshakeThread);

    /// <summary>
    /// Takes a received DTLS datagram: queued for the handshake while it runs, processed on this thread once it is over.
    /// </summary>
    public void Deliver(ReadOnlySpan<byte> datagram)
    {
        _transport.Deliver(datagram);
        DtlsTransport? session = Volatile.Read(ref _session);
        if (session is not null)
        {
            Process(session);
        }
    }

    /// <summary>Runs the handshake in <paramref name="role"/> and returns the SRTP keys.</summary>
    /// <param name="role">Client (<c>a=setup:active</c>) or server (<c>a=setup:passive</c>).</param>
    /// <param name="remoteFingerprint">The peer's <c>a=fingerprint</c>.</param>
    /// <param name="cancellationToken">Aborts the handshake.</param>
    /// <exception cref="DtlsHandshakeException">The handshake failed; <see cref="DtlsHandshakeException.Error"/> says why.</exception>
    /// <exception cref="OperationCanceledException">Cancelled, or timed out (inner <see cref="TimeoutException"/>).</exception>
    public async Task<DtlsSrtpKeys> HandshakeAsync(DtlsRole role, DtlsFingerprint remoteFingerprint, CancellationToken cancellationToken = default)
    {
        if (remoteFingerprint is null)
        {
            throw new ArgumentNullException(nameof(remoteFingerprint));
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(DtlsSrtpTransport));
        }

        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The DTLS handshake was already started.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var crypto = new BcTlsCrypto(new SecureRandom());
        var state = new DtlsHandshakeState(_options, _certificate, remoteFingerprint, crypto);
        Volatile.Write(ref _deadline, _time.CreateTimer(static s => ((DtlsSrtpTransport)s!).OnDeadline(), this, _options.HandshakeTimeout, Timeout.InfiniteTimeSpan));
        Volatile.Write(ref _handshakeThread, Task.Factory.StartNew(() => Run(role, state, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        using (cancellationToken.Register(static s => ((DtlsDatagramTransport)s!).Close(), _transport))
        {
            return await _result.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Sends close_notify when connected and stops the DTLS thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        DtlsTransport? session = Volatile.Read(ref _session);
        if (session is not null)
        {
            try
            {
                session.Close();
            }
            catch (IOException)
            {
                // The peer may already be gone; closing is best effort.
            }
        }

        Volatile.Read(ref _deadline)?.Dispose();
        _transport.Close();
        _result.TrySetException(new ObjectDisposedException(nameof(DtlsSrtpTransport)));
    }

    private void Run(DtlsRole role, DtlsHandshakeState state, CancellationToken cancellationToken)
    {
        DtlsTransport session;
        try
        {
            if (role == DtlsRole.Client)
            {
                var client = new DtlsSrtpClient(state.Crypto, state);
                session = new DtlsClientProtocol().Connect(client, _transport);
            }
            else
            {
                var server = new DtlsSrtpServer(state.Crypto, state);
                session = new DtlsServerProtocol { VerifyRequests = false }.Accept(server, _transport);
            }

            DtlsSrtpKeys keys = state.Keys ?? throw new InvalidOperationException("The handshake completed without exporting SRTP keys.");
            _deadline?.Dispose();
            _transport.EndHandshake();
            if (Volatile.Read(ref _timedOut) != 0)
            {
                throw new IOException("The handshake timed out as it completed.");
            }

            Volatile.Write(ref _session, session);
            if (Volatile.Read(ref _disposed) != 0)
            {
                session.Close();
                return;
            }

            _result.TrySetResult(keys);
        }
        catch (Exception e)
        {
            _deadline?.Dispose();
            bool closed = _transport.IsClosed;
            _transport.Close();
            var failure = new DtlsFailure(e, closed, Volatile.Read(ref _timedOut) != 0, _transport.Flights, _transport.TimerRetransmissions);
            _result.TrySetException(DtlsFailureMapper.Map(failure, state, cancellationToken, _options.HandshakeTimeout));
            return;
        }

        // Datagrams that came while the handshake finished wait in the queue; later ones are processed as they come.
        Process(session);
    }

    private void OnDeadline()
    {
        Interlocked.Exchange(ref _timedOut, 1);
        _transport.Close();
    }

    private void OnRetransmitting(DtlsRetransmissionEventArgs e)
    {
        EventHandler<DtlsRetransmissionEventArgs>? handler = Retransmitted;
        if (handler is not null)
        {
            ThreadPool.QueueUserWorkItem(_ => handler(this, e));
        }
    }

    /// <summary>
    /// Has BouncyCastle process every queued datagram, unless another thread (or an outer call on this one) is at it:
    /// that one takes the new datagram too, since it checks the queue again after it stops.
    /// </summary>
    private void Process(DtlsTransport session)
    {
        while (_transport.HasInbound && Interlocked.CompareExchange(ref _processing, 1, 0) == 0)
        {
            try
            {
                Drain(session);
            }
            finally
            {
                Volatile.Write(ref _processing, 0);
            }
        }

        if (_transport.IsClosed)
        {
            RaiseClosed();
        }
    }

    private void Drain(DtlsTransport session)
    {
        var buffer = new byte[DtlsDatagramTransport.ReceiveLimit];
        try
        {
            // Application data is not used by WebRTC audio; receiving answers a repeated final flight of the peer and
            // notices alerts (a close_notify closes the transport). A wait of 0 is BouncyCastle's "no limit": it takes
            // every record of every queued datagram and returns only with application data or an exception, and the
            // transport, which never waits after the handshake, ends it with DtlsInboundDrained once the queue is
            // empty. (With a time limit BouncyCastle could give up between two records of one datagram and leave the
            // rest, a repeated Finished among them, unread.)
            while (true)
            {
                session.Receive(buffer, 0, buffer.Length, 0);
            }
        }
        catch (DtlsInboundDrained)
        {
            // Every queued datagram has been processed.
        }
        catch (Exception e) when (e is IOException || e is TlsException)
        {
            // A fatal alert received or raised: the association is over.
            _transport.Close();
        }
    }

    /// <summary>Raises <see cref="Closed"/> once, on the thread pool, unless the association was disposed here.</summary>
    private void RaiseClosed()
    {
        if (Volatile.Read(ref _disposed) != 0 || Interlocked.Exchange(ref _closedRaised, 1) != 0)
        {
            return;
        }

        EventHandler? handler = Closed;
        if (handler is not null)
        {
            ThreadPool.QueueUserWorkItem(_ => handler(this, EventArgs.Empty));
        }
    }
}
