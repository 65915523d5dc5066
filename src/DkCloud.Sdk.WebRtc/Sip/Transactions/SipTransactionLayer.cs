using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Sip.Transactions;

/// <summary>
/// Matches messages to transactions (RFC 3261 §17.1.3, §17.2.3): responses to client transactions by top Via branch
/// and CSeq method; requests to server transactions by branch, sent-by and method, creating a server transaction for
/// each new request. What no transaction takes goes to the user agent core: a 2xx to an INVITE whose transaction is
/// gone (§13.2.2.4), an ACK for a 2xx (§13.3.1.4, it has its own branch) and CANCEL (§9.2: 200 to the CANCEL here,
/// 487 to the INVITE by the core, which owns the dialog state).
/// </summary>
/// <remarks>Thread safety: every member may be called from any thread. Events run on the caller's thread.</remarks>
internal sealed class SipTransactionLayer : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<SipTransactionKey, SipTransaction> _clients = new();
    private readonly Dictionary<SipTransactionKey, SipServerRequest> _servers = new();
    private readonly Action<byte[]> _send;
    private readonly bool _reliable;
    private readonly SipTimerOptions _timers;
    private readonly TimeProvider _time;

    /// <summary>Creates the layer.</summary>
    public SipTransactionLayer(Action<byte[]> send, bool reliable, SipTimerOptions? timers = null, TimeProvider? time = null)
    {
        _send = send ?? throw new ArgumentNullException(nameof(send));
        _reliable = reliable;
        _timers = timers ?? new SipTimerOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>A new request arrived (not ACK, not a retransmission); respond through it.</summary>
    public event Action<SipServerRequest>? RequestReceived;

    /// <summary>An ACK that matches no server transaction: the ACK of a 2xx, for the dialog.</summary>
    public event Action<SipMessage>? AckReceived;

    /// <summary>A CANCEL matched a pending INVITE server transaction (already answered 200); send 487 to the INVITE.</summary>
    public event Action<SipServerRequest>? CancelReceived;

    /// <summary>A 2xx to an INVITE that no transaction holds any more: the dialog resends its ACK.</summary>
    public event Action<SipMessage>? StraySuccess;

    /// <summary>Number of client and server transactions alive.</summary>
    public int Count
    {
        get { lock (_gate) { return _clients.Count + _servers.Count; } }
    }

    /// <summary>The timer values.</summary>
    public SipTimerOptions Timers => _timers;

    /// <summary>Starts an INVITE client transaction; responses and the timeout go to the callbacks.</summary>
    public SipClientInviteTransaction SendInvite(SipOutgoingMessage invite, Action<SipMessage> onResponse, Action<SipTransactionTimeout> onTimeout)
    {
        var transaction = new SipClientInviteTransaction(invite, _reliable, _send, _timers, _time);
        transaction.ResponseReceived += (_, response) => onResponse(response);
        transaction.TimedOut += (_, timeout) => onTimeout(timeout);
        Track(SipTransactionKey.ForOutgoingRequest(invite), transaction);
        transaction.Start();
        return transaction;
    }

    /// <summary>Starts a non-INVITE client transaction; completes with the final response.</summary>
    /// <exception cref="SipException"><see cref="SipErrorCode.Timeout"/> after Timer F.</exception>
    public Task<SipMessage> SendRequestAsync(SipOutgoingMessage request, Action<SipMessage>? onProvisional = null)
    {
        var completion = new TaskCompletionSource<SipMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var transaction = new SipClientNonInviteTransaction(request, _reliable, _send, _timers, _time);
        transaction.ResponseReceived += (_, response) =>
        {
            if (response.StatusCode >= 200)
            {
                completion.TrySetResult(response);
            }
            else
            {
                onProvisional?.Invoke(response);
            }
        };
        transaction.TimedOut += (_, _) => completion.TrySetException(
            new SipException(SipErrorCode.Timeout, request.Method + " got no final response within 64×T1.", 408));
        Track(SipTransactionKey.ForOutgoingRequest(request), transaction);
        transaction.Start();
        return completion.Task;
    }

    /// <summary>Sends bytes that belong to no transaction (the ACK of a 2xx, RFC 3261 §13.2.2.4).</summary>
    public void SendStateless(byte[] message) => _send(message ?? throw new ArgumentNullException(nameof(message)));

    /// <summary>Routes a received message.</summary>
    public void OnMessage(SipMessage message)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (message.Vias.Count == 0)
        {
            return;
        }

        if (message.IsRequest)
        {
            OnRequest(message);
        }
        else
        {
            OnResponse(message);
        }
    }

    /// <summary>Terminates every transaction.</summary>
    public void Dispose()
    {
        List<SipTransaction> all;
        lock (_gate)
        {
            all = new List<SipTransaction>(_clients.Values);
            foreach (SipServerRequest server in _servers.Values)
            {
                all.Add(server.Transaction);
            }
        }

        foreach (SipTransaction transaction in all)
        {
            transaction.Terminate();
        }
    }

    private void OnResponse(SipMessage response)
    {
        SipTransaction? transaction;
        lock (_gate)
        {
            _clients.TryGetValue(SipTransactionKey.ForResponse(response), out transaction);
        }

        switch (transaction)
        {
            case SipClientInviteTransaction invite:
                invite.OnResponse(response);
                break;
            case SipClientNonInviteTransaction other:
                other.OnResponse(response);
                break;
            default:
                if (response.StatusCode is >= 200 and < 300 && response.CSeq.Method == SipMethod.Invite)
                {
                    StraySuccess?.Invoke(response);
                }

                break;
        }
    }

    private void OnRequest(SipMessage request)
    {
        SipTransactionKey key = SipTransactionKey.ForRequest(request);
        SipServerRequest? existing;
        lock (_gate)
        {
            _servers.TryGetValue(key, out existing);
        }

        if (request.Method == SipMethod.Ack)
        {
            if (existing?.InviteTransaction is { } invite && invite.State == SipTransactionState.Completed)
            {
                invite.OnRequest(request);
            }
            else
            {
                AckReceived?.Invoke(request);
            }

            return;
        }

        if (existing is not null)
        {
            if (existing.Transaction is SipServerInviteTransaction invite)
            {
                invite.OnRequest(request);
            }
            else
            {
                ((SipServerNonInviteTransaction)existing.Transaction).OnRequest(request);
            }

            return;
        }

        SipTransaction transaction = request.Method == SipMethod.Invite
            ? new SipServerInviteTransaction(request, _reliable, _send, _timers, _time)
            : new SipServerNonInviteTransaction(request, _reliable, _send, _timers, _time);
        var server = new SipServerRequest(request, transaction);
        lock (_gate)
        {
            _servers[key] = server;
        }

        transaction.Terminated += _ => Forget(key, server);
        if (request.Method == SipMethod.Cancel)
        {
            OnCancel(server);
            return;
        }

        RequestReceived?.Invoke(server);
    }

    private void OnCancel(SipServerRequest cancel)
    {
        // The CANCEL matches the INVITE with the same branch and sent-by (RFC 3261 §9.2).
        SipVia top = cancel.Request.Vias[0];
        SipServerRequest? target = null;
        lock (_gate)
        {
            foreach (KeyValuePair<SipTransactionKey, SipServerRequest> entry in _servers)
            {
                if (entry.Value.InviteTransaction is not null
                    && string.Equals(entry.Key.Branch, top.Branch, StringComparison.Ordinal)
                    && string.Equals(entry.Key.SentBy, SipTransactionKey.ForRequest(cancel.Request).SentBy, StringComparison.Ordinal))
                {
                    target = entry.Value;
                    break;
                }
            }
        }

        if (target is null)
        {
            cancel.Respond(481);
            return;
        }

        cancel.Respond(200, target.Request.To.Tag);
        if (target.IsPending)
        {
            CancelReceived?.Invoke(target);
        }
    }

    private void Track(SipTransactionKey key, SipTransaction transaction)
    {
        lock (_gate)
        {
            _clients[key] = transaction;
        }

        transaction.Terminated += _ =>
        {
            lock (_gate)
            {
                if (_clients.TryGetValue(key, out SipTransaction? current) && ReferenceEquals(current, transaction))
                {
                    _clients.Remove(key);
                }
            }
        };
    }

    private void Forget(SipTransactionKey key, SipServerRequest server)
    {
        lock (_gate)
        {
            if (_servers.TryGetValue(key, out SipServerRequest? current) && ReferenceEquals(current, server))
            {
                _servers.Remove(key);
            }
        }
    }
}
