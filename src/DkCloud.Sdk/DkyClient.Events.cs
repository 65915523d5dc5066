using System;
using System.Collections.Generic;
using DkCloud.Sdk.Events;
using Microsoft.Extensions.Logging;

namespace DkCloud.Sdk;

/// <content>The typed events, one per <c>dky:*</c> name, and the JS-style <see cref="On"/>.</content>
public sealed partial class DkyClient
{
    private readonly object _listenersGate = new();
    private readonly Dictionary<string, List<Action<DkyEventArgs>>> _listeners = new(StringComparer.Ordinal);
    /// <summary><c>dky:init</c>: mixin initialization finished or failed.</summary>
    public event EventHandler<InitEventArgs>? Init;
    /// <summary><c>dky:logoff</c>: the agent and the extension logged off.</summary>
    public event EventHandler<LogoffEventArgs>? Logoff;
    /// <summary><c>dky:agentLogin</c>: the answer to agent login.</summary>
    public event EventHandler<AgentLoginEventArgs>? AgentLogin;
    /// <summary><c>dky:agentExit</c>: the agent logged out.</summary>
    public event EventHandler<AgentExitEventArgs>? AgentExit;
    /// <summary><c>dky:extensionRegister</c>: the extension registered.</summary>
    public event EventHandler<ExtensionRegisterEventArgs>? ExtensionRegister;
    /// <summary><c>dky:extensionCancel</c>: the extension unregistered.</summary>
    public event EventHandler<ExtensionCancelEventArgs>? ExtensionCancel;
    /// <summary><c>dky:switchExtension</c>: the agent switched extension.</summary>
    public event EventHandler<SwitchExtensionEventArgs>? SwitchExtension;
    /// <summary><c>dky:extensionBindUpdate</c>: the bound extension changed.</summary>
    public event EventHandler<ExtensionBindUpdateEventArgs>? ExtensionBindUpdate;
    /// <summary><c>dky:agentState</c>: the agent's state was set, pushed or queried.</summary>
    public event EventHandler<AgentStateEventArgs>? AgentStateChanged;
    /// <summary><c>dky:forceOffline</c>: a monitor forced this agent offline; the session ends.</summary>
    public event EventHandler<ForceOfflineEventArgs>? ForceOffline;
    /// <summary><c>dky:sipOptions</c>: the extension's periodic OPTIONS probe (WebRTC).</summary>
    public event EventHandler<SipOptionsEventArgs>? SipOptions;
    /// <summary><c>dky:squeeze</c>: the agent logged in elsewhere; the session ends.</summary>
    public event EventHandler<SqueezeEventArgs>? Squeeze;
    /// <summary><c>dky:callphone</c>: the answer to an outbound call request.</summary>
    public event EventHandler<CallPhoneEventArgs>? CallPhone;
    /// <summary><c>dky:ring</c>: a leg of a call rings.</summary>
    public event EventHandler<RingEventArgs>? Ring;
    /// <summary><c>dky:answer</c>: a leg of a call was answered.</summary>
    public event EventHandler<AnswerEventArgs>? Answer;
    /// <summary><c>dky:hangup</c>: a leg of a call ended.</summary>
    public event EventHandler<HangupEventArgs>? Hangup;
    /// <summary><c>dky:forceDisconnectCall</c>: a monitor ended an agent's call.</summary>
    public event EventHandler<ForceDisconnectCallEventArgs>? ForceDisconnectCall;
    /// <summary><c>dky:hold</c>: the call was held or resumed.</summary>
    public event EventHandler<HoldEventArgs>? Hold;
    /// <summary><c>dky:agentMute</c>: the agent side was muted or unmuted.</summary>
    public event EventHandler<AgentMuteEventArgs>? AgentMute;
    /// <summary><c>dky:consult</c>: a consultation started.</summary>
    public event EventHandler<ConsultEventArgs>? Consult;
    /// <summary><c>dky:atxfer</c>: an attended transfer started.</summary>
    public event EventHandler<AttendedTransferEventArgs>? AttendedTransfer;
    /// <summary><c>dky:atxferHangup</c>: retrieving from a consultation failed.</summary>
    public event EventHandler<AttendedTransferHangupEventArgs>? AttendedTransferHangup;
    /// <summary><c>dky:blindMove</c>: the call was transferred blind.</summary>
    public event EventHandler<BlindTransferEventArgs>? BlindTransfer;
    /// <summary><c>dky:meet</c>: a three-way call started.</summary>
    public event EventHandler<MeetEventArgs>? Meet;
    /// <summary><c>dky:meetHangup</c>: leaving or retrieving a three-way call failed.</summary>
    public event EventHandler<MeetHangupEventArgs>? MeetHangup;
    /// <summary><c>dky:serviceLevel</c>: the satisfaction survey started.</summary>
    public event EventHandler<ServiceLevelEventArgs>? ServiceLevel;
    /// <summary><c>dky:play_dtmf</c>: digits were sent on the call.</summary>
    public event EventHandler<PlayDtmfEventArgs>? PlayDtmf;
    /// <summary><c>dky:chanspy</c>: monitoring started.</summary>
    public event EventHandler<ChanspyEventArgs>? Chanspy;
    /// <summary><c>dky:realTimeData</c>: the agent's call counters.</summary>
    public event EventHandler<RealTimeDataEventArgs>? RealTimeData;
    /// <summary><c>dky:incomingNotConnectedHangup</c>: an inbound call was missed; the agent is busy.</summary>
    public event EventHandler<IncomingNotConnectedHangupEventArgs>? IncomingNotConnectedHangup;
    /// <summary><c>dky:reconnect</c>: the link or the extension is reconnecting, reconnected or gave up.</summary>
    public event EventHandler<ReconnectEventArgs>? Reconnect;
    /// <summary><c>dky:deviceDetection</c>: whether the audio devices work.</summary>
    public event EventHandler<DeviceDetectionEventArgs>? DeviceDetection;
    /// <summary><c>dky:networkDelay</c>: the agent link's round trip (when enabled).</summary>
    public event EventHandler<NetworkDelayEventArgs>? NetworkDelay;
    /// <summary><c>dky:weakSignalDetection</c>: the extension dropped while the agent link is fine.</summary>
    public event EventHandler<WeakSignalDetectionEventArgs>? WeakSignalDetection;
    /// <summary><c>dky:networkSituation</c>: the agent link went down or up.</summary>
    public event EventHandler<NetworkSituationEventArgs>? NetworkSituation;
    /// <summary><c>dky:agentWebsocketOpen</c>: the agent WebSocket opened.</summary>
    public event EventHandler<AgentWebSocketEventArgs>? AgentWebSocketOpen;
    /// <summary><c>dky:agentWebsocketClose</c>: the agent WebSocket closed.</summary>
    public event EventHandler<AgentWebSocketEventArgs>? AgentWebSocketClose;
    /// <summary>The session ended (logoff, forced offline, squeezed out, reconnect failed, disposed). Raised once per session.</summary>
    public event EventHandler<SessionEndedEventArgs>? SessionEnded;

    /// <summary>After a reconnect, the client agrees with the server again (after the events of what changed).</summary>
    public event EventHandler<ResyncedEventArgs>? Resynced;

    /// <summary>After-call work started or counted down a second.</summary>
    public event EventHandler<WrapupEventArgs>? Wrapup;

    /// <summary>The server sent something unusable; it was dropped and the session goes on.</summary>
    public event EventHandler<ProtocolErrorEventArgs>? ProtocolError;

    /// <summary>
    /// Listens to an event by its JS SDK name, for code ported from the JS SDK:
    /// <c>client.On("dky:ring", e =&gt; …)</c>. Runs after the typed event's handlers. Dispose the result to stop.
    /// </summary>
    /// <param name="eventName">A <c>dky:*</c> name (see <see cref="EventNames"/>).</param>
    /// <param name="handler">Receives the typed event args; cast them, or read <see cref="DkyEventArgs.Raw"/>.</param>
    public IDisposable On(string eventName, Action<DkyEventArgs> handler)
    {
        if (string.IsNullOrEmpty(eventName))
        {
            throw new ArgumentException("An event name is required, e.g. dky:ring.", nameof(eventName));
        }

        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        lock (_listenersGate)
        {
            if (!_listeners.TryGetValue(eventName, out var list))
            {
                list = new List<Action<DkyEventArgs>>();
                _listeners.Add(eventName, list);
            }

            list.Add(handler);
        }

        return new Subscription(this, eventName, handler);
    }

    /// <summary>Raises an event's typed handlers, then its <see cref="On"/> listeners. Runs on the event worker.</summary>
    private void RaiseNow(DkyEventArgs e)
    {
        switch (e)
        {
            case InitEventArgs x:
                Invoke(Init, x);
                break;
            case LogoffEventArgs x:
                Invoke(Logoff, x);
                break;
            case AgentLoginEventArgs x:
                Invoke(AgentLogin, x);
                break;
            case AgentExitEventArgs x:
                Invoke(AgentExit, x);
                break;
            case ExtensionRegisterEventArgs x:
                Invoke(ExtensionRegister, x);
                break;
            case ExtensionCancelEventArgs x:
                Invoke(ExtensionCancel, x);
                break;
            case SwitchExtensionEventArgs x:
                Invoke(SwitchExtension, x);
                break;
            case ExtensionBindUpdateEventArgs x:
                Invoke(ExtensionBindUpdate, x);
                break;
            case AgentStateEventArgs x:
                Invoke(AgentStateChanged, x);
                break;
            case ForceOfflineEventArgs x:
                Invoke(ForceOffline, x);
                break;
            case SipOptionsEventArgs x:
                Invoke(SipOptions, x);
                break;
            case SqueezeEventArgs x:
                Invoke(Squeeze, x);
                break;
            case CallPhoneEventArgs x:
                Invoke(CallPhone, x);
                break;
            case RingEventArgs x:
                Invoke(Ring, x);
                break;
            case AnswerEventArgs x:
                Invoke(Answer, x);
                break;
            case HangupEventArgs x:
                Invoke(Hangup, x);
                break;
            case ForceDisconnectCallEventArgs x:
                Invoke(ForceDisconnectCall, x);
                break;
            case HoldEventArgs x:
                Invoke(Hold, x);
                break;
            case AgentMuteEventArgs x:
                Invoke(AgentMute, x);
                break;
            case ConsultEventArgs x:
                Invoke(Consult, x);
                break;
            case AttendedTransferEventArgs x:
                Invoke(AttendedTransfer, x);
                break;
            case AttendedTransferHangupEventArgs x:
                Invoke(AttendedTransferHangup, x);
                break;
            case BlindTransferEventArgs x:
                Invoke(BlindTransfer, x);
                break;
            case MeetEventArgs x:
                Invoke(Meet, x);
                break;
            case MeetHangupEventArgs x:
                Invoke(MeetHangup, x);
                break;
            case ServiceLevelEventArgs x:
                Invoke(ServiceLevel, x);
                break;
            case PlayDtmfEventArgs x:
                Invoke(PlayDtmf, x);
                break;
            case ChanspyEventArgs x:
                Invoke(Chanspy, x);
                break;
            case RealTimeDataEventArgs x:
                Invoke(RealTimeData, x);
                break;
            case IncomingNotConnectedHangupEventArgs x:
                Invoke(IncomingNotConnectedHangup, x);
                break;
            case ReconnectEventArgs x:
                Invoke(Reconnect, x);
                break;
            case DeviceDetectionEventArgs x:
                Invoke(DeviceDetection, x);
                break;
            case NetworkDelayEventArgs x:
                Invoke(NetworkDelay, x);
                break;
            case WeakSignalDetectionEventArgs x:
                Invoke(WeakSignalDetection, x);
                break;
            case NetworkSituationEventArgs x:
                Invoke(NetworkSituation, x);
                break;
            case AgentWebSocketEventArgs x:
                Invoke(x.EventName == EventNames.AgentWebSocketOpen ? AgentWebSocketOpen : AgentWebSocketClose, x);
                break;
        }

        Action<DkyEventArgs>[]? listeners = null;
        lock (_listenersGate)
        {
            if (_listeners.TryGetValue(e.EventName, out var list) && list.Count > 0)
            {
                listeners = list.ToArray();
            }
        }

        if (listeners is null)
        {
            return;
        }

        foreach (var listener in listeners)
        {
            try
            {
                listener(e);
            }
#pragma warning disable CA1031 // One listener's bug must not keep the event from the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning(ex, "A handler of {Event} threw; the other handlers still ran.", e.EventName);
            }
        }
    }

    /// <summary>Calls each handler of an event in turn; one that throws is logged and the others still run.</summary>
    private void Invoke<T>(EventHandler<T>? handlers, T args)
        where T : EventArgs
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<T>)handler)(this, args);
            }
#pragma warning disable CA1031 // One handler's bug must not keep the event from the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning(ex, "A handler of {Event} threw; the other handlers still ran.", typeof(T).Name);
            }
        }
    }

    private void Remove(string eventName, Action<DkyEventArgs> handler)
    {
        lock (_listenersGate)
        {
            if (_listeners.TryGetValue(eventName, out var list))
            {
                list.Remove(handler);
            }
        }
    }

    private sealed class Subscription : IDisposable
    {
        private DkyClient? _owner;
        private readonly string _name;
        private readonly Action<DkyEventArgs> _handler;

        public Subscription(DkyClient owner, string name, Action<DkyEventArgs> handler)
        {
            _owner = owner;
            _name = name;
            _handler = handler;
        }

        public void Dispose()
        {
            _owner?.Remove(_name, _handler);
            _owner = null;
        }
    }
}
