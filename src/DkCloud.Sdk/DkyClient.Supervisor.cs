using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Internal;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Protocol;
using DkCloud.Sdk.Session;
using Microsoft.Extensions.Logging;

namespace DkCloud.Sdk;

/// <content>The supervisor: heartbeat and network delay, reconnect with backoff, and state restored after it.</content>
public sealed partial class DkyClient
{
    private readonly Random _jitter = new();
    private readonly CancellationTokenSource _lifetime = new();
    private int _reconnecting;
    private int _endingByServer;
    private int _initializing;

    /// <summary>Replaces the jitter source (tests fix it).</summary>
    internal Func<double>? JitterSource { get; set; }

    private async Task HeartbeatAsync()
    {
        var session = _session;
        if (session is null || !session.IsConnected)
        {
            return;
        }

        var started = _options.TimeProvider.GetTimestamp();
        try
        {
            // Answered within one interval, or the link is half-open: detected within two intervals of the last answer.
            await session.SendAsync(WireTypes.Ping, RequestData.Empty, _lifetime.Token, _options.HeartbeatInterval, silent: true).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            _logger.LogWarning("The server did not answer the heartbeat; the link is considered lost.");
            await session.AbortAsync("heartbeat timed out").ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is DkyException or OperationCanceledException)
        {
            return;
        }

        if (_options.EnableNetworkDelay)
        {
            var delay = (int)_options.TimeProvider.GetElapsedTime(started).TotalMilliseconds;
            Raise(new NetworkDelayEventArgs { Mode = ModeText, DelayTime = delay, Description = "网络延迟时间" }, EventNames.NetworkDelay);
        }
    }

    private void OnLinkLost(LinkClosedInfo info)
    {
        if (State == SessionState.Disposed || Volatile.Read(ref _ended) != 0 || Volatile.Read(ref _endingByServer) != 0)
        {
            return;
        }

        if (Volatile.Read(ref _initializing) != 0)
        {
            // InitAsync is still running: it fails with the connection error and the app decides.
            return;
        }

        // Also when a reconnect is already running (the new link broke while logging back in): the state must
        // never say LoggedIn while the link is down.
        SetState(SessionState.Connecting);
        if (Interlocked.Exchange(ref _reconnecting, 1) != 0)
        {
            return;
        }

        _ = ReconnectAsync();
    }

    private async Task ReconnectAsync()
    {
        var before = new SessionSnapshot(Login is not null, AgentState, AgentStateReason, ExtensionRegistered);
        SetState(SessionState.Connecting);
        try
        {
            for (var attempt = 1; attempt <= _options.MaxReconnectAttempts; attempt++)
            {
                Raise(new ReconnectEventArgs { State = "reconnecting", Num = attempt, Type = "agent", Description = "座席掉线重连中" }, EventNames.Reconnect);
                var delay = ReconnectBackoff.Delay(attempt, _options.ReconnectBaseDelay, _options.ReconnectMaxDelay, JitterSource?.Invoke() ?? NextJitter());
                try
                {
                    await Clock.Delay(_options.TimeProvider, delay, _lifetime.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (State == SessionState.Disposed || Volatile.Read(ref _ended) != 0)
                {
                    return;
                }

                var resync = await TryRestoreAsync(before).ConfigureAwait(false);
                if (resync is not null)
                {
                    Raise(new ReconnectEventArgs { State = "reconnected", Num = attempt, Type = "agent", Description = "座席重连成功" }, EventNames.Reconnect);
                    _dispatcher.Post(() => Resynced?.Invoke(this, resync));
                    return;
                }
            }

            Raise(new ReconnectEventArgs { State = "reconnectFail", Num = _options.MaxReconnectAttempts, Type = "agent", Description = "座席重连失败,已退出系统" }, EventNames.Reconnect);
            EndSession(SessionEndReason.ReconnectFailed, $"The agent link could not be restored in {_options.MaxReconnectAttempts} attempts.");
            await CloseLinkAsync("reconnect failed").ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _reconnecting, 0);
        }
    }

    /// <summary>
    /// Reconnects, logs back in (resuming the server's session), and reconciles what changed while the link was
    /// down; returns what changed, or null when this attempt failed.
    /// </summary>
    private async Task<ResyncedEventArgs?> TryRestoreAsync(SessionSnapshot before)
    {
        using var scope = TimeoutScope.Start(_options.TimeProvider, _options.ConnectTimeout + _options.RequestTimeout + _options.RequestTimeout, _lifetime.Token);
        try
        {
            await CloseLinkAsync("reconnecting").ConfigureAwait(false);
            await ConnectAsync(scope.Token).ConfigureAwait(false);
            if (!before.LoggedIn)
            {
                return new ResyncedEventArgs(AgentState, Array.Empty<string>(), Array.Empty<string>());
            }

            AgentLoginResult login;
            try
            {
                login = await LoginAsync(WireTypes.AgentLogin, scope.Token, resume: true, before.State).ConfigureAwait(false);
            }
            catch (DkyException ex) when (ex.Code == DkyErrorCodes.LoggedInElsewhere)
            {
                // The server still holds the broken socket open: take the session over.
                login = await LoginAsync(WireTypes.ContinueLogin, scope.Token, resume: true, before.State).ConfigureAwait(false);
            }

            // The login carries the extension number, which binds it again; a WebRTC softphone keeps its own registration.
            ExtensionRegistered = before.ExtensionRegistered;

            if (login.State is { } now && now != before.State)
            {
                // Changed by a monitor or the back office while the link was down: the server's state wins.
                Raise(new AgentStateEventArgs
                {
                    State = (int)now,
                    AgentNumber = _options.AgentNumber,
                    ProjectId = _options.ProjectId,
                    Description = "状态在断线期间已变更",
                }, EventNames.AgentState);
            }

            var status = await RequireSession(WireTypes.QueryAgentState)
                .SendAsync(WireTypes.QueryAgentState, RequestData.Empty, scope.Token, silent: true).ConfigureAwait(false);
            var onCall = status.IsSuccess && status.Root.TryGetProperty("data", out var d) &&
                         !string.IsNullOrEmpty(MessageDecoder.ReadText(d, "option"));
            var (ended, kept) = ReconcileCalls(onCall);
            return new ResyncedEventArgs(AgentState, ended, kept);
        }
        catch (Exception ex) when (ex is DkyException or OperationCanceledException)
        {
            _logger.LogWarning("Reconnect attempt failed: {Reason}", ex.Message);
            return null;
        }
    }

    /// <summary>Ends, with a <c>dky:hangup</c>, every tracked call the server no longer has.</summary>
    private (string[] Ended, string[] Kept) ReconcileCalls(bool serverHasCall)
    {
        var ended = new System.Collections.Generic.List<string>();
        var kept = new System.Collections.Generic.List<string>();
        foreach (var call in Calls.Calls)
        {
            if (call.Phase == Sdk.Calls.CallPhase.Ended)
            {
                continue;
            }

            if (serverHasCall)
            {
                kept.Add(call.LinkedId);
                continue;
            }

            Calls.Forget(call.LinkedId);
            ended.Add(call.LinkedId);
            var last = call.LastData;
            var hangup = new HangupEventArgs
            {
                Type = WireTypes.Hangup,
                EventType = WireTypes.Hangup,
                Code = "200",
                Message = "ended while the agent link was down",
                ProjectId = _options.ProjectId,
                Data = new CallData
                {
                    LinkedId = call.LinkedId,
                    CallLegCode = "agent",
                    EventType = WireTypes.Hangup,
                    CallTypeCode = last?.CallTypeCode,
                    Option = last?.Option,
                    AgentNumber = last?.AgentNumber,
                    CustomerTelNumber = call.CustomerNumber,
                    WrapupTime = 0,
                },
                Call = call,
                FromResync = true,
            };
            Raise(hangup, EventNames.Hangup);
        }

        return (ended.ToArray(), kept.ToArray());
    }

    /// <summary>What the session was before the link broke.</summary>
    private readonly struct SessionSnapshot
    {
        public SessionSnapshot(bool loggedIn, AgentState? state, string? reason, bool extensionRegistered)
        {
            LoggedIn = loggedIn;
            State = state;
            Reason = reason;
            ExtensionRegistered = extensionRegistered;
        }

        public bool LoggedIn { get; }

        public AgentState? State { get; }

        public string? Reason { get; }

        public bool ExtensionRegistered { get; }
    }

    private double NextJitter()
    {
        lock (_jitter)
        {
            return _jitter.NextDouble();
        }
    }
}
