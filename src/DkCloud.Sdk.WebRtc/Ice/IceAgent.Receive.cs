using System;
using System.Net;
using System.Threading;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Demultiplexing (RFC 7983) and answering connectivity checks (RFC 8445 section 7.3).</summary>
internal sealed partial class IceAgent
{
    private const int RoleConflictCode = 487;

    private void OnDatagram(IceSocket socket, Span<byte> datagram, IPEndPoint remote)
    {
        MediaPacketKind kind = MediaPacketClassifier.Classify(datagram);
        if (kind == MediaPacketKind.Stun)
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    OnStun(socket, datagram, remote);
                }
            }

            return;
        }

        if (kind == MediaPacketKind.Unknown || !IsAccepted(remote))
        {
            return;
        }

        DatagramHandler?.Invoke(kind, datagram, remote);
    }

    private bool IsAccepted(IPEndPoint remote)
    {
        foreach (IPEndPoint accepted in Volatile.Read(ref _acceptedRemotes))
        {
            if (accepted.Equals(remote))
            {
                return true;
            }
        }

        return false;
    }

    private void OnStun(IceSocket socket, ReadOnlySpan<byte> datagram, IPEndPoint remote)
    {
        if (!StunMessage.TryParse(datagram, out StunMessage message, out _))
        {
            Counters.Rejected();
            return;
        }

        switch (message.Class)
        {
            case StunClass.Request when message.Method == StunMethod.Binding:
                OnRequest(socket, message, remote);
                break;
            case StunClass.SuccessResponse:
            case StunClass.ErrorResponse:
                if (_transactions.TryGetValue(IceKeys.Of(message.TransactionId), out IceCheckTransaction? transaction))
                {
                    OnResponse(socket, message, remote, transaction);
                }
                else if (!socket.DeliverToBindingClient(datagram))
                {
                    Counters.Rejected();
                }

                break;
            case StunClass.Indication when message.Method == StunMethod.Binding:
                // Keepalives (RFC 8445 section 11): nothing to do.
                break;
            default:
                Counters.Rejected();
                break;
        }
    }

    private void OnRequest(IceSocket socket, StunMessage request, IPEndPoint remote)
    {
        if (!request.HasFingerprint
            || request.UnknownComprehensionRequiredCount > 0
            || !request.TryGetString(StunAttributeType.Username, out string username)
            || !username.StartsWith(_local.Ufrag + ":", StringComparison.Ordinal)
            || !request.VerifyMessageIntegrity(_localKey)
            || (_remote is not null && !string.Equals(username.Substring(_local.Ufrag.Length + 1), _remote.Ufrag, StringComparison.Ordinal))
            || !request.TryGetUInt32(StunAttributeType.Priority, out uint priority))
        {
            Counters.Rejected();
            return;
        }

        bool peerControlling = request.TryGetUInt64(StunAttributeType.IceControlling, out ulong peerTieBreaker);
        bool peerControlled = !peerControlling && request.TryGetUInt64(StunAttributeType.IceControlled, out peerTieBreaker);
        if ((_role == IceRole.Controlling && peerControlling) || (_role == IceRole.Controlled && peerControlled))
        {
            Counters.RoleConflict();
            // Controlling keeps its role with the larger (or equal) tie-breaker; controlled keeps it with the smaller.
            bool keepRole = _role == IceRole.Controlling ? TieBreaker >= peerTieBreaker : TieBreaker < peerTieBreaker;
            if (keepRole)
            {
                socket.Send(IceStunMessages.Error(request.TransactionId, RoleConflictCode, "Role Conflict", _localKey), remote);
                return;
            }

            SwitchRole();
        }

        socket.Send(IceStunMessages.Success(request.TransactionId, remote, _localKey), remote);
        Counters.RequestAnswered();
        bool useCandidate = _role == IceRole.Controlled && request.HasAttribute(StunAttributeType.UseCandidate);
        OnCheckReceived(socket, remote, priority, useCandidate);
    }

    /// <summary>Triggered checks and the controlled side's nomination (RFC 8445 sections 7.3.1.3-7.3.1.5).</summary>
    private void OnCheckReceived(IceSocket socket, IPEndPoint remote, uint priority, bool useCandidate)
    {
        IceCandidate? candidate = FindRemote(remote);
        if (candidate is null)
        {
            candidate = new IceCandidate(IceFoundation.Compute(IceCandidateType.PeerReflexive, remote.Address, null), 1, priority, remote, IceCandidateType.PeerReflexive);
            _remoteCandidates.Add(candidate);
            RefreshAcceptedRemotes();
        }

        IceCandidatePair? pair = AddPair(socket, candidate, IceCandidatePairState.Waiting);
        if (pair is null)
        {
            return;
        }

        switch (pair.State)
        {
            case IceCandidatePairState.Succeeded:
                if (useCandidate)
                {
                    Nominate(pair);
                }

                return;
            case IceCandidatePairState.Failed:
            case IceCandidatePairState.Frozen:
            case IceCandidatePairState.Waiting:
                pair.State = IceCandidatePairState.Waiting;
                _triggered.Enqueue((pair, false));
                break;
        }

        if (useCandidate)
        {
            pair.NominateOnSuccess = true;
        }

        EnsurePacing();
    }

    private void SwitchRole()
    {
        _role = _role == IceRole.Controlling ? IceRole.Controlled : IceRole.Controlling;
        foreach (IceCandidatePair pair in _pairs)
        {
            pair.UpdatePriority(_role);
        }

        _nominationPending = false;
    }
}
