using System;
using System.Net;
using System.Threading;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Paced connectivity checks, their responses and regular nomination (RFC 8445 sections 6.1.4, 7.2, 8.1).</summary>
internal sealed partial class IceAgent
{
    private void EnsurePacing()
    {
        if (!_pacing && !_disposed)
        {
            _pacing = true;
            _pacingTimer.Change(_options.Pacing, _options.Pacing);
        }
    }

    private void StopPacing()
    {
        _pacing = false;
        _pacingTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Every Ta: one check, a triggered one first, else the best Waiting pair, else an unfrozen one.</summary>
    private void OnPacingTick()
    {
        lock (_gate)
        {
            if (_disposed || _remote is null)
            {
                return;
            }

            MaybeNominate();
            while (_triggered.Count > 0)
            {
                (IceCandidatePair pair, bool useCandidate) = _triggered.Dequeue();
                if (pair.Generation == _generation && (pair.State != IceCandidatePairState.Succeeded || useCandidate))
                {
                    SendCheck(pair, useCandidate, consent: false);
                    return;
                }
            }

            IceCandidatePair? next = Best(IceCandidatePairState.Waiting);
            if (next is null)
            {
                next = Best(IceCandidatePairState.Frozen);
            }

            if (next is not null)
            {
                SendCheck(next, useCandidate: false, consent: false);
                return;
            }

            IceCandidatePair? selected = _selected;
            if (selected is not null && selected.Generation == _generation && !_nominationPending && !HasInProgress())
            {
                StopPacing();
            }
        }
    }

    private IceCandidatePair? Best(IceCandidatePairState state)
    {
        IceCandidatePair? best = null;
        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.State == state && (best is null || pair.Priority > best.Priority))
            {
                best = pair;
            }
        }

        return best;
    }

    private bool HasInProgress()
    {
        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.State == IceCandidatePairState.InProgress)
            {
                return true;
            }
        }

        return false;
    }

    private void SendCheck(IceCandidatePair pair, bool useCandidate, bool consent)
    {
        (string username, byte[] key) = consent ? _consentCredentials!.Value : (_remote!.Ufrag + ":" + _local.Ufrag, _remoteKey!);
        byte[] id = IceStunMessages.NewTransactionId();
        int localPreference = (int)((pair.Local.Priority >> 8) & 0xFFFF);
        uint priority = IcePriority.Candidate(IceCandidateType.PeerReflexive, localPreference, pair.Local.Component);
        byte[] request = IceStunMessages.Check(id, username, key, priority, _role, TieBreaker, useCandidate);
        var transaction = new IceCheckTransaction(IceKeys.Of(id), pair, request, key, _role, useCandidate, consent, _time.GetTimestamp());
        _transactions[transaction.Key] = transaction;
        if (!consent)
        {
            pair.State = IceCandidatePairState.InProgress;
            transaction.Timer = _time.CreateTimer(
                static s =>
                {
                    var state = (Tuple<IceAgent, IceCheckTransaction>)s!;
                    state.Item1.OnRetransmit(state.Item2);
                },
                Tuple.Create(this, transaction),
                Timeout.InfiniteTimeSpan,
                Timeout.InfiniteTimeSpan);
        }

        Transmit(transaction);
    }

    private void Transmit(IceCheckTransaction transaction)
    {
        transaction.Sent++;
        Counters.CheckSent();
        transaction.Pair.Socket.Send(transaction.Request, transaction.Pair.Remote.EndPoint);
        transaction.Timer?.Change(_options.Retransmission.WaitAfter(transaction.Sent), Timeout.InfiniteTimeSpan);
    }

    private void OnRetransmit(IceCheckTransaction transaction)
    {
        lock (_gate)
        {
            if (_disposed || !_transactions.TryGetValue(transaction.Key, out IceCheckTransaction? current) || current != transaction)
            {
                return;
            }

            if (transaction.Sent < _options.Retransmission.MaxRequests)
            {
                Transmit(transaction);
                return;
            }

            _transactions.Remove(transaction.Key);
            transaction.Timer?.Dispose();
            transaction.Pair.State = IceCandidatePairState.Failed;
            if (transaction.UseCandidate)
            {
                _nominationPending = false;
            }

            EnsurePacing();
        }
    }

    private void OnResponse(IceSocket socket, StunMessage response, IPEndPoint remote, IceCheckTransaction transaction)
    {
        IceCandidatePair pair = transaction.Pair;
        if (!response.HasFingerprint
            || !response.VerifyMessageIntegrity(transaction.RemoteKey)
            || socket != pair.Socket
            || !remote.Equals(pair.Remote.EndPoint))
        {
            // Unauthenticated, or not symmetric (RFC 8445 section 7.2.5.2.1): ignore; the transaction may still succeed.
            Counters.Rejected();
            return;
        }

        _transactions.Remove(transaction.Key);
        transaction.Timer?.Dispose();
        Counters.ResponseAccepted();
        if (pair == _selected)
        {
            _lastConsentAt = _time.GetTimestamp();
        }

        if (transaction.Consent)
        {
            return;
        }

        if (response.Class == StunClass.ErrorResponse)
        {
            OnErrorResponse(response, transaction);
            return;
        }

        pair.State = IceCandidatePairState.Succeeded;
        if (_firstValidAt == 0)
        {
            _firstValidAt = _time.GetTimestamp();
        }

        foreach (IceCandidatePair other in _pairs)
        {
            if (other.State == IceCandidatePairState.Frozen && other.Local.Foundation == pair.Local.Foundation && other.Remote.Foundation == pair.Remote.Foundation)
            {
                other.State = IceCandidatePairState.Waiting;
            }
        }

        if (transaction.UseCandidate || (pair.NominateOnSuccess && _role == IceRole.Controlled))
        {
            Nominate(pair);
        }

        MaybeNominate();
    }

    private void OnErrorResponse(StunMessage response, IceCheckTransaction transaction)
    {
        response.TryGetErrorCode(out int code, out _);
        if (transaction.UseCandidate)
        {
            _nominationPending = false;
        }

        if (code == RoleConflictCode)
        {
            // RFC 8445 section 7.2.5.1: take the other role (if not already switched) and check the pair again.
            Counters.RoleConflict();
            if (_role == transaction.Role)
            {
                SwitchRole();
            }

            transaction.Pair.State = IceCandidatePairState.Waiting;
            _triggered.Enqueue((transaction.Pair, false));
            EnsurePacing();
            return;
        }

        transaction.Pair.State = IceCandidatePairState.Failed;
    }

    /// <summary>
    /// Controlling side, regular nomination: once the best valid pair has no better pair still pending (or the
    /// nomination delay has passed since the first valid pair), check it again with USE-CANDIDATE.
    /// </summary>
    private void MaybeNominate()
    {
        if (_role != IceRole.Controlling || _nominationPending || _remote is null)
        {
            return;
        }

        IceCandidatePair? best = null;
        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.Nominated)
            {
                return;
            }

            if (pair.State == IceCandidatePairState.Succeeded && (best is null || pair.Priority > best.Priority))
            {
                best = pair;
            }
        }

        if (best is null)
        {
            return;
        }

        bool betterPending = false;
        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.Priority > best.Priority && pair.State != IceCandidatePairState.Succeeded && pair.State != IceCandidatePairState.Failed)
            {
                betterPending = true;
            }
        }

        if (betterPending && _time.GetElapsedTime(_firstValidAt) < _options.NominationDelay)
        {
            return;
        }

        _nominationPending = true;
        _triggered.Enqueue((best, true));
        EnsurePacing();
    }

    private void Nominate(IceCandidatePair pair)
    {
        pair.Nominated = true;
        _nominationPending = false;
        IceCandidatePair? best = null;
        foreach (IceCandidatePair candidate in _pairs)
        {
            if (candidate.Nominated && candidate.Generation == _generation && (best is null || candidate.Priority > best.Priority))
            {
                best = candidate;
            }
        }

        IceCandidatePair? previous = _selected;
        if (best is null || best == previous)
        {
            return;
        }

        Volatile.Write(ref _selected, best);
        _consentCredentials = (_remote!.Ufrag + ":" + _local.Ufrag, _remoteKey!);
        _lastConsentAt = _time.GetTimestamp();
        Volatile.Write(ref _consentLost, false);
        RefreshAcceptedRemotes();
        ScheduleConsent();
        var args = new IceCandidatePairEventArgs(best, previous);
        _events.Post(() => SelectedPairChanged?.Invoke(this, args));
        if (previous is not null && (previous.Socket != best.Socket || !previous.Remote.EndPoint.Equals(best.Remote.EndPoint)))
        {
            _events.Post(() => PathChanged?.Invoke(this, args));
        }
    }
}
