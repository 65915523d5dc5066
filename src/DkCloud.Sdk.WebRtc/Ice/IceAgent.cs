using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>
/// A full ICE agent (RFC 8445) for one component (RTP with rtcp-mux) over UDP, in either role: gathers host and
/// server-reflexive candidates, runs paced connectivity checks with triggered checks and regular nomination, resolves
/// role conflicts, keeps consent fresh on the selected pair (RFC 7675) and restarts on demand. Its sockets carry
/// DTLS and SRTP too (RFC 7983): non-STUN datagrams go to <see cref="DatagramHandler"/>, and <see cref="Send"/>
/// writes to the selected pair, so a <see cref="DtlsSrtpTransport"/> can use the agent as its <see cref="IDatagramSender"/>.
/// </summary>
/// <remarks>
/// All state is guarded by one lock; socket loops and TimeProvider timers take it briefly and never call user code
/// under it. Events run in order on the thread pool (<see cref="IceEventDispatcher"/>). <see cref="DatagramHandler"/>
/// runs on the socket's receive loop and must return quickly. Public members are thread-safe.
/// </remarks>
internal sealed partial class IceAgent : IDatagramSender, IDisposable
{
    /// <summary>The datagram size DTLS may use on an ICE path (what browsers use for DTLS over unknown paths).</summary>
    public const int DatagramSize = 1200;

    private readonly object _gate = new();
    private readonly IceAgentOptions _options;
    private readonly TimeProvider _time;
    private readonly IceEventDispatcher _events = new();
    private readonly List<IceSocket> _sockets = new();
    private readonly List<IceCandidate> _localCandidates = new();
    private readonly List<IceCandidate> _remoteCandidates = new();
    private readonly List<IceCandidatePair> _pairs = new();
    private readonly Queue<(IceCandidatePair Pair, bool UseCandidate)> _triggered = new();
    private readonly Dictionary<(ulong, uint), IceCheckTransaction> _transactions = new();
    private readonly ITimer _pacingTimer;
    private readonly ITimer _consentTimer;
    private IceCredentials _local;
    private byte[] _localKey;
    private IceCredentials? _remote;
    private byte[]? _remoteKey;
    private IceRole _role;
    private int _generation;
    private bool _pacing;
    private bool _gathered;
    private bool _disposed;
    private long _firstValidAt;
    private bool _nominationPending;
    private IceCandidatePair? _selected;
    private (string Username, byte[] Key)? _consentCredentials;
    private long _lastConsentAt;
    private bool _consentLost;
    private IPEndPoint[] _acceptedRemotes = Array.Empty<IPEndPoint>();

    /// <summary>Creates an agent; call <see cref="GatherAsync"/> next.</summary>
    public IceAgent(IceRole role, IceAgentOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new IceAgentOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _role = role;
        _local = IceCredentials.Generate();
        _localKey = StunCredentials.ShortTermKey(_local.Password);
        var tieBreaker = new byte[8];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(tieBreaker);
        }

        TieBreaker = BitConverter.ToUInt64(tieBreaker, 0);
        _pacingTimer = _time.CreateTimer(static s => ((IceAgent)s!).OnPacingTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _consentTimer = _time.CreateTimer(static s => ((IceAgent)s!).OnConsentTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised when the selected pair changes, the first selection included.</summary>
    public event EventHandler<IceCandidatePairEventArgs>? SelectedPairChanged;

    /// <summary>Raised when media moves to another local socket or remote address (after a restart or a renomination).</summary>
    public event EventHandler<IceCandidatePairEventArgs>? PathChanged;

    /// <summary>Raised once the peer has not answered consent checks for <see cref="IceAgentOptions.ConsentTimeout"/>; media sending stops.</summary>
    public event EventHandler<IceCandidatePairEventArgs>? ConsentLost;

    /// <summary>
    /// Raised when the TURN allocation behind the relayed candidate was lost and replaced: the relayed candidate moved to
    /// a new address (<see cref="LocalCandidates"/> has it). The peer only knows the old one, so signal the new one:
    /// trickle it (RFC 8838) or restart ICE (<see cref="Restart"/>, then an offer with the new candidates). Until then
    /// what this agent sends through the relay leaves from the new address, and what the peer sends to the old one is lost.
    /// </summary>
    public event EventHandler<IceCandidateChangedEventArgs>? RelayedCandidateChanged;

    /// <summary>Receives DTLS, RTP and RTCP datagrams from addresses that ICE knows; set before checks start.</summary>
    public IceDatagramHandler? DatagramHandler { get; set; }

    /// <summary>Why the relayed candidate could not be gathered (a <see cref="Turn.TurnException"/> usually), or null.</summary>
    public Exception? RelayError { get; private set; }

    /// <summary>STUN statistics, including rejected (hostile or stale) messages.</summary>
    public IceCounters Counters { get; } = new IceCounters();

    /// <summary>This agent's tie-breaker (RFC 8445 section 7.1.1).</summary>
    public ulong TieBreaker { get; }

    /// <summary>The current role; it changes when a role conflict is resolved against this agent.</summary>
    public IceRole Role
    {
        get
        {
            lock (_gate)
            {
                return _role;
            }
        }
    }

    /// <summary>This agent's current credentials for <c>a=ice-ufrag</c> and <c>a=ice-pwd</c>.</summary>
    public IceCredentials LocalCredentials
    {
        get
        {
            lock (_gate)
            {
                return _local;
            }
        }
    }

    /// <summary>The ICE generation: 0, then one more per <see cref="Restart"/>.</summary>
    public int Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    /// <summary>The gathered local candidates for <c>a=candidate</c> lines.</summary>
    public IReadOnlyList<IceCandidate> LocalCandidates
    {
        get
        {
            lock (_gate)
            {
                return _localCandidates.ToArray();
            }
        }
    }

    /// <summary>The pair media flows on, or null before the first nomination.</summary>
    public IceCandidatePair? SelectedPair => Volatile.Read(ref _selected);

    /// <summary>True after consent was lost on the selected pair and until a new pair is selected.</summary>
    public bool IsConsentLost
    {
        get
        {
            lock (_gate)
            {
                return _consentLost;
            }
        }
    }

    /// <inheritdoc />
    public int MaxDatagramSize => DatagramSize;

    /// <summary>A snapshot of the checklist, highest priority first.</summary>
    public IReadOnlyList<IceCandidatePair> GetPairs()
    {
        lock (_gate)
        {
            var pairs = _pairs.ToArray();
            Array.Sort(pairs, static (a, b) => b.Priority.CompareTo(a.Priority));
            return pairs;
        }
    }

    /// <summary>Sets the peer's <c>a=ice-ufrag</c> and <c>a=ice-pwd</c>; checks start once candidates are known too.</summary>
    public void SetRemoteCredentials(string ufrag, string password)
    {
        var remote = new IceCredentials(ufrag, password);
        lock (_gate)
        {
            ThrowIfDisposed();
            _remote = remote;
            _remoteKey = StunCredentials.ShortTermKey(password);
            EnsurePacing();
        }
    }

    /// <summary>Adds a remote candidate (from the SDP or trickled); component 1 only (rtcp-mux).</summary>
    /// <returns>False when the candidate is not usable (another component, a duplicate).</returns>
    public bool AddRemoteCandidate(IceCandidate candidate)
    {
        if (candidate is null)
        {
            throw new ArgumentNullException(nameof(candidate));
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            if (candidate.Component != 1 || FindRemote(candidate.EndPoint) is not null)
            {
                return false;
            }

            _remoteCandidates.Add(candidate);
            RefreshAcceptedRemotes();
            foreach (IceSocket socket in _sockets)
            {
                AddPair(socket, candidate, IceCandidatePairState.Frozen);
            }

            UnfreezeInitial();
            EnsurePacing();
            return true;
        }
    }

    /// <summary>
    /// ICE restart (RFC 8445 section 9): new local credentials, a new checklist, remote credentials and candidates
    /// forgotten until set again. Media keeps flowing on the selected pair until a new one is nominated.
    /// </summary>
    public void Restart()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            _generation++;
            _local = IceCredentials.Generate();
            _localKey = StunCredentials.ShortTermKey(_local.Password);
            _remote = null;
            _remoteKey = null;
            _remoteCandidates.Clear();
            _pairs.Clear();
            _triggered.Clear();
            foreach (IceCheckTransaction transaction in _transactions.Values)
            {
                transaction.Timer?.Dispose();
            }

            _transactions.Clear();
            _firstValidAt = 0;
            _nominationPending = false;
            RefreshAcceptedRemotes();
        }
    }

    /// <summary>Sends a datagram (DTLS, SRTP) on the selected pair; dropped when there is none or consent was lost.</summary>
    public void Send(ReadOnlySpan<byte> datagram)
    {
        IceCandidatePair? pair = Volatile.Read(ref _selected);
        if (pair is null || Volatile.Read(ref _consentLost))
        {
            return;
        }

        pair.Socket.Send(datagram, pair.Remote.EndPoint);
    }

    /// <summary>Stops checks and consent and closes the sockets.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (IceCheckTransaction transaction in _transactions.Values)
            {
                transaction.Timer?.Dispose();
            }

            _transactions.Clear();
            _pacingTimer.Dispose();
            _consentTimer.Dispose();
            foreach (IceSocket socket in _sockets)
            {
                socket.Dispose();
            }
        }
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(IceAgent));
        }
    }

    private IceCandidate? FindRemote(IPEndPoint endPoint)
    {
        foreach (IceCandidate candidate in _remoteCandidates)
        {
            if (candidate.EndPoint.Equals(endPoint))
            {
                return candidate;
            }
        }

        return null;
    }

    private void RefreshAcceptedRemotes()
    {
        var accepted = new List<IPEndPoint>(_remoteCandidates.Count + 1);
        foreach (IceCandidate candidate in _remoteCandidates)
        {
            accepted.Add(candidate.EndPoint);
        }

        if (_selected is not null && !accepted.Contains(_selected.Remote.EndPoint))
        {
            accepted.Add(_selected.Remote.EndPoint);
        }

        Volatile.Write(ref _acceptedRemotes, accepted.ToArray());
    }
}
