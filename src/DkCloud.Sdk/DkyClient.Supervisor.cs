using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Internal;
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
            await session.SendAsync(WireTypes.Ping, RequestData.Empty, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            _logger.LogWarning("The server did not answer the heartbeat; the link is considered lost.");
            await session.AbortAsync("heartbeat timed out").ConfigureAwait(false);
            return;
        }
        catch (DkyException)
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

        if (Interlocked.Exchange(ref _reconnecting, 1) != 0)
        {
            return;
        }

        _ = ReconnectAsync();
    }

    private async Task ReconnectAsync()
    {
        var wasLoggedIn = Login is not null;
        var lastState = AgentState;
        var lastReason = AgentStateReason;
        var wasRegistered = ExtensionRegistered;
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

                if (await TryRestoreAsync(wasLoggedIn, lastState, lastReason, wasRegistered).ConfigureAwait(false))
                {
                    Raise(new ReconnectEventArgs { State = "reconnected", Num = attempt, Type = "agent", Description = "座席重连成功" }, EventNames.Reconnect);
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

    private async Task<bool> TryRestoreAsync(bool wasLoggedIn, AgentState? lastState, string? lastReason, bool wasRegistered)
    {
        using var scope = TimeoutScope.Start(_options.TimeProvider, _options.ConnectTimeout + _options.RequestTimeout, _lifetime.Token);
        try
        {
            await CloseLinkAsync("reconnecting").ConfigureAwait(false);
            await ConnectAsync(scope.Token).ConfigureAwait(false);
            if (wasLoggedIn)
            {
                try
                {
                    await LoginAsync(WireTypes.AgentLogin, scope.Token).ConfigureAwait(false);
                }
                catch (DkyException ex) when (ex.Code == DkyErrorCodes.LoggedInElsewhere)
                {
                    // The server still holds the broken session: take it over.
                    await LoginAsync(WireTypes.ContinueLogin, scope.Token).ConfigureAwait(false);
                }

                if (lastState is { } s && (s != AgentState || lastReason != AgentStateReason))
                {
                    await SetAgentStateAsync(s, s == Sdk.AgentState.Busy ? lastReason : null, null, scope.Token).ConfigureAwait(false);
                }

                if (wasRegistered && _options.InitType != ExtensionType.WebRtc)
                {
                    await RegisterExtensionAsync(scope.Token).ConfigureAwait(false);
                }

                await GetAgentStateAsync(scope.Token).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception ex) when (ex is DkyException or OperationCanceledException)
        {
            _logger.LogWarning("Reconnect attempt failed: {Reason}", ex.Message);
            return false;
        }
    }

    private double NextJitter()
    {
        lock (_jitter)
        {
            return _jitter.NextDouble();
        }
    }
}
