using System;
using System.Text.Json;
using System.Threading;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Protocol;
using DkCloud.Sdk.Session;
using Microsoft.Extensions.Logging;

namespace DkCloud.Sdk;

/// <content>What happens to each server message: decoded on the reader, applied and raised on the event worker.</content>
public sealed partial class DkyClient
{
    /// <summary>Queues an event the SDK made itself (not from the wire).</summary>
    private void Raise(DkyEventArgs e, string eventName)
    {
        e.EventName = eventName;
        if (e.Raw.ValueKind == JsonValueKind.Undefined)
        {
            e.SetRawSource(JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), DkyJsonContext.Default));
        }

        _dispatcher.Post(() => RaiseNow(e));
    }

    private void OnServerMessage(ServerMessage message, PendingRequest? pending)
    {
        if (pending is null && message.Type is WireTypes.ForceOffline or WireTypes.Squeeze)
        {
            // The server closes the socket right after: that close must not look like a broken link.
            Volatile.Write(ref _endingByServer, 1);
        }

        if (pending is null && ProtocolMap.IsKnown(message.Type) && !ProtocolMap.IsPush(message.Type))
        {
            // An answer nobody waits for: answered twice, or after its timeout. Raising it would repeat an event.
            OnProtocolError(new ProtocolErrorEventArgs(ProtocolErrorKind.UnexpectedResponse, "An answer to no pending request was ignored.", message.Type));
            return;
        }

        DkyEventArgs? args = null;
        var route = ProtocolMap.Find(message.Type, message.IsSuccess);
        if (route is not null)
        {
            try
            {
                args = route.Decode(message);
            }
#pragma warning disable CA1031 // Whatever a message holds, it must not break the link: report and go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                OnProtocolError(new ProtocolErrorEventArgs(ProtocolErrorKind.InvalidField, "A field could not be read: " + ex.Message, message.Type));
            }
        }
        else if (pending is null && !ProtocolMap.IsKnown(message.Type))
        {
            OnProtocolError(new ProtocolErrorEventArgs(ProtocolErrorKind.UnknownType, "A message of an unknown type was ignored.", message.Type));
            return;
        }

        _dispatcher.Post(() =>
        {
            try
            {
                if (args is not null && pending is not { Silent: true })
                {
                    Apply(args);
                    RaiseNow(args);
                }
            }
            finally
            {
                pending?.Completion.TrySetResult(message);
            }

            if (pending is null)
            {
                AfterPush(message, args);
            }
        });
    }

    /// <summary>Updates the client's view (calls, state) before handlers see the event.</summary>
    private void Apply(DkyEventArgs e)
    {
        switch (e)
        {
            case CallEventArgs call:
                Calls.Apply(call);
                break;
            case HoldEventArgs { IsError: false } hold:
                Calls.SetHeld(hold.Mode == "hold");
                break;
            case AgentMuteEventArgs { IsError: false } mute:
                Calls.SetMuted(mute.Mode == "mute");
                break;
            case AgentStateEventArgs { State: int s } state when s is 2 or 3 && IsMe(state.AgentNumber):
                AgentState = (AgentState)s;
                AgentStateReason = state.Reason;
                break;
            case IncomingNotConnectedHangupEventArgs { AgentState: 3 }:
                AgentState = Sdk.AgentState.Busy;
                break;
        }
    }

    /// <summary>What a push means beyond its event: the end of the session, an automatic answer.</summary>
    private void AfterPush(ServerMessage message, DkyEventArgs? args)
    {
        switch (args)
        {
            case ForceOfflineEventArgs f:
                EndSessionFromServer(SessionEndReason.ForceOffline, f.EventMessage ?? f.Description);
                break;
            case SqueezeEventArgs s:
                EndSessionFromServer(SessionEndReason.Squeeze, s.Description);
                break;
            case RingEventArgs ring when ApiCallAutoAnswer && ring.Data is { } d &&
                                         d.CallLeg == CallLeg.Agent && d.CallType == CallType.ApiOutbound:
                _ = AutoAnswerAsync();
                break;
            case HangupEventArgs hangup when _softphone is { } phone && _options.UseHangupMusic && hangup.Data is { } d
                                             && d.CallLeg == CallLeg.Agent && IsMe(d.AgentNumber) && !string.IsNullOrEmpty(d.AnswerTime):
                phone.Play(SoftphonePrompt.Hangup, _options.HangupMusic);
                break;
            case AnswerEventArgs answer when _softphone is { } phone && answer.Data is { } d
                                             && d.CallLeg == CallLeg.Customer && d.Direction == CallDirection.Outbound:
                phone.Play(SoftphonePrompt.Answer, CallAnswerPrompt);
                break;
            case RingEventArgs ring when _softphone is { } phone && ring.Data is { } d && d.CallLeg == CallLeg.Agent
                                         && IsMe(d.AgentNumber) && RingsOwnLeg(d):
                // The agent leg of a call this agent placed, or of its own listen-in: the extension picks up by itself.
                _ = AutoAnswerExtensionAsync(phone);
                break;
        }
    }

    private async System.Threading.Tasks.Task AutoAnswerAsync()
    {
        try
        {
            await AnswerAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Reported through the log; the call still rings for a manual answer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning(ex, "Automatic answer of an API-placed call failed.");
        }
    }

    /// <summary>Whether a ring on this agent's leg is one the agent started itself (its outbound call, its monitoring).</summary>
    private static bool RingsOwnLeg(CallData data) =>
        (data.Direction == CallDirection.Outbound && data.CallType != CallType.ApiOutbound)
        || data.CallType is CallType.Listen or CallType.BargeIn or CallType.Whisper
        || data.CallTypeCode == "18";

    private async System.Threading.Tasks.Task AutoAnswerExtensionAsync(ISoftphone phone)
    {
        try
        {
            await phone.AnswerAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Reported through the log; the server ends the leg when it rings out.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning(ex, "The extension could not pick up the agent leg.");
        }
    }

    private void OnSoftphoneProbed(object? sender, SoftphoneProbeEventArgs e) =>
        Raise(
            e.Succeeded
                ? new SipOptionsEventArgs
                {
                    State = "succeeded",
                    SendTime = e.SentAt.ToUnixTimeMilliseconds(),
                    BackTime = e.AnsweredAt?.ToUnixTimeMilliseconds(),
                    DelayTime = e.Delay is { } delay ? (int)delay.TotalMilliseconds : null,
                    ExtensionState = "yes",
                }
                : new SipOptionsEventArgs { State = "failed", Message = "网络异常或者分机连接异常", Cause = e.Detail ?? "Connect error" },
            EventNames.SipOptions);

    private void OnSoftphoneSignaling(object? sender, SoftphoneSignalingEventArgs e)
    {
        switch (e.State)
        {
            case SoftphoneSignalingState.Lost:
                _logger.LogWarning("The extension's SIP connection dropped: {Detail}", e.Detail ?? "closed");
                Raise(new WeakSignalDetectionEventArgs { State = "error", Message = "分机信号弱,正在重连", Time = _options.TimeProvider.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) }, EventNames.WeakSignalDetection);
                break;
            case SoftphoneSignalingState.Reconnecting:
                Raise(new ReconnectEventArgs { State = "reconnecting", Num = e.Attempt, Type = "sip", Description = "分机掉线重连中" }, EventNames.Reconnect);
                break;
            case SoftphoneSignalingState.Reconnected:
                Raise(new ReconnectEventArgs { State = "reconnected", Num = 0, Type = "sip", Description = "分机重连成功" }, EventNames.Reconnect);
                Raise(new WeakSignalDetectionEventArgs { State = "success", Message = "分机重连成功", Time = _options.TimeProvider.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) }, EventNames.WeakSignalDetection);
                break;
            case SoftphoneSignalingState.Failed:
                _logger.LogError("The extension's SIP connection could not be restored: {Detail}", e.Detail);
                Raise(new ReconnectEventArgs { State = "reconnectFail", Num = 10, Type = "sip", Description = "分机重连失败,已退出系统" }, EventNames.Reconnect);
                ExtensionRegistered = false;
                EndSessionFromServer(SessionEndReason.ReconnectFailed, "The extension's SIP connection could not be restored.");
                break;
        }
    }

    private bool IsMe(string? agentNumber) =>
        agentNumber is null || CallClassifier.IsSameAgent(agentNumber, _options.ProjectId, _options.AgentNumber);

    private void OnProtocolError(ProtocolErrorEventArgs error)
    {
        _logger.LogWarning("Dropped a server message ({Kind}, type {Type}): {Detail}", error.Kind, error.MessageType ?? "?", error.Detail);
        _dispatcher.Post(() => ProtocolError?.Invoke(this, error));
    }

    private void OnLinkClosed(LinkClosedInfo info)
    {
        _heartbeat?.Dispose();
        Raise(new AgentWebSocketEventArgs { State = "close", Description = info.Description }, EventNames.AgentWebSocketClose);
        if (info.Expected)
        {
            return;
        }

        _logger.LogWarning("The agent WebSocket broke: {Description}", info.Description);
        Raise(new NetworkSituationEventArgs { State = "networkDisconnected" }, EventNames.NetworkSituation);
        OnLinkLost(info);
    }

    private void EndSessionFromServer(SessionEndReason reason, string? detail)
    {
        EndSession(reason, detail);
        _ = CloseLinkAsync(reason.ToString());
    }

    /// <summary>Marks the session over and raises <see cref="SessionEnded"/> once.</summary>
    private void EndSession(SessionEndReason reason, string? detail)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        Login = null;
        ExtensionRegistered = false;
        SetState(SessionState.Idle);
        var args = new SessionEndedEventArgs(reason, detail);
        _dispatcher.Post(() => SessionEnded?.Invoke(this, args));
    }

    private sealed class SessionListener : IAgentSessionListener
    {
        private readonly DkyClient _owner;

        public SessionListener(DkyClient owner) => _owner = owner;

        public void OnMessage(ServerMessage message, PendingRequest? pending) => _owner.OnServerMessage(message, pending);

        public void OnProtocolError(ProtocolErrorEventArgs error) => _owner.OnProtocolError(error);

        public void OnClosed(LinkClosedInfo info) => _owner.OnLinkClosed(info);
    }
}
