using System;
using System.Collections.Generic;
using DkCloud.Sdk.Events;

namespace DkCloud.Sdk.Protocol;

/// <summary>
/// The protocol's one table: which server message <c>type</c> becomes which event, read from which part of the
/// message (docs/protocol.md §3, §4). Commands without an entry raise no event of their own.
/// </summary>
internal static class ProtocolMap
{
    private static readonly DkyJsonContext Json = DkyJsonContext.Default;

    private static readonly Dictionary<string, EventRoute> Routes = new(StringComparer.Ordinal)
    {
        // Answers to commands.
        [WireTypes.AgentLogin] = EventRoute.Of(EventNames.AgentLogin, PayloadSource.Envelope, Json.AgentLoginEventArgs),
        [WireTypes.ContinueLogin] = EventRoute.Of(EventNames.AgentLogin, PayloadSource.Envelope, Json.AgentLoginEventArgs),
        [WireTypes.AgentLogout] = EventRoute.Of(EventNames.AgentExit, PayloadSource.Envelope, Json.AgentExitEventArgs),
        [WireTypes.SetAgentState] = EventRoute.Of(EventNames.AgentState, PayloadSource.Data, Json.AgentStateEventArgs),
        [WireTypes.QueryAgentState] = EventRoute.Of(EventNames.AgentState, PayloadSource.Data, Json.AgentStateEventArgs),
        [WireTypes.PlaceCall] = EventRoute.Of(EventNames.CallPhone, PayloadSource.Envelope, Json.CallPhoneEventArgs),
        [WireTypes.ForceHangup] = EventRoute.Of(EventNames.ForceDisconnectCall, PayloadSource.Data, Json.ForceDisconnectCallEventArgs),
        [WireTypes.Hold] = EventRoute.Of(EventNames.Hold, PayloadSource.Data, Json.HoldEventArgs),
        [WireTypes.Unhold] = EventRoute.Of(EventNames.Hold, PayloadSource.Data, Json.HoldEventArgs),
        [WireTypes.Mute] = EventRoute.Of(EventNames.AgentMute, PayloadSource.Data, Json.AgentMuteEventArgs),
        [WireTypes.Unmute] = EventRoute.Of(EventNames.AgentMute, PayloadSource.Data, Json.AgentMuteEventArgs),
        [WireTypes.Consult] = EventRoute.Of(EventNames.Consult, PayloadSource.Data, Json.ConsultEventArgs),
        [WireTypes.AttendedTransfer] = EventRoute.Of(EventNames.AttendedTransfer, PayloadSource.Data, Json.AttendedTransferEventArgs),
        [WireTypes.BlindMove] = EventRoute.Of(EventNames.BlindMove, PayloadSource.Data, Json.BlindTransferEventArgs),
        [WireTypes.Meet] = EventRoute.Of(EventNames.Meet, PayloadSource.Data, Json.MeetEventArgs),
        [WireTypes.ServiceLevel] = EventRoute.Of(EventNames.ServiceLevel, PayloadSource.Envelope, Json.ServiceLevelEventArgs),
        [WireTypes.PlayDtmf] = EventRoute.Of(EventNames.PlayDtmf, PayloadSource.Data, Json.PlayDtmfEventArgs),
        [WireTypes.Chanspy] = EventRoute.Of(EventNames.Chanspy, PayloadSource.Data, Json.ChanspyEventArgs),

        // Pushes.
        [WireTypes.Ringing] = EventRoute.Of(EventNames.Ring, PayloadSource.Envelope, Json.RingEventArgs),
        [WireTypes.Answered] = EventRoute.Of(EventNames.Answer, PayloadSource.Envelope, Json.AnswerEventArgs),
        [WireTypes.Hangup] = EventRoute.Of(EventNames.Hangup, PayloadSource.Envelope, Json.HangupEventArgs),
        [WireTypes.AgentStatePush] = EventRoute.Of(EventNames.AgentState, PayloadSource.Data, Json.AgentStateEventArgs),
        [WireTypes.ForceOffline] = EventRoute.Of(EventNames.ForceOffline, PayloadSource.Data, Json.ForceOfflineEventArgs),
        [WireTypes.Squeeze] = EventRoute.Of(EventNames.Squeeze, PayloadSource.Data, Json.SqueezeEventArgs),
        [WireTypes.RealTimeData] = EventRoute.Of(EventNames.RealTimeData, PayloadSource.Data, Json.RealTimeDataEventArgs),
        [WireTypes.IncomingNotConnectedHangup] = EventRoute.Of(EventNames.IncomingNotConnectedHangup, PayloadSource.Data, Json.IncomingNotConnectedHangupEventArgs),
        [WireTypes.ExtensionBindUpdate] = EventRoute.Of(EventNames.ExtensionBindUpdate, PayloadSource.Data, Json.ExtensionBindUpdateEventArgs),
    };

    /// <summary>Routes raised only when the command failed (the document's error events).</summary>
    private static readonly Dictionary<string, EventRoute> ErrorRoutes = new(StringComparer.Ordinal)
    {
        [WireTypes.AttendedTransferHangup] = EventRoute.Of(EventNames.AttendedTransferHangup, PayloadSource.Data, Json.AttendedTransferHangupEventArgs),
        [WireTypes.MeetHangup] = EventRoute.Of(EventNames.MeetHangup, PayloadSource.Data, Json.MeetHangupEventArgs),
    };

    /// <summary>Message types that are answers only and raise no event.</summary>
    private static readonly HashSet<string> Silent = new(StringComparer.Ordinal)
    {
        WireTypes.Ping, WireTypes.Answer, WireTypes.Reject, WireTypes.HangupCommand, WireTypes.Logoff,
        WireTypes.ExtensionRegister, WireTypes.ExtensionCancel, WireTypes.SwitchExtension,
        WireTypes.AttendedTransferHangup, WireTypes.MeetHangup,
    };

    /// <summary>The route of a message type, for a success or an error answer; null when it raises nothing.</summary>
    public static EventRoute? Find(string type, bool success)
    {
        if (!success && ErrorRoutes.TryGetValue(type, out var error))
        {
            return error;
        }

        return Routes.TryGetValue(type, out var route) ? route : null;
    }

    private static readonly HashSet<string> PushTypes = new(StringComparer.Ordinal)
    {
        WireTypes.Ringing, WireTypes.Answered, WireTypes.Hangup, WireTypes.AgentStatePush, WireTypes.ForceOffline,
        WireTypes.Squeeze, WireTypes.RealTimeData, WireTypes.IncomingNotConnectedHangup, WireTypes.ExtensionBindUpdate,
    };

    /// <summary>Whether the type is one the server pushes unasked (as opposed to an answer to a command).</summary>
    public static bool IsPush(string type) => PushTypes.Contains(type);

    /// <summary>Whether the SDK knows the message type at all.</summary>
    public static bool IsKnown(string type) => Routes.ContainsKey(type) || Silent.Contains(type);
}
