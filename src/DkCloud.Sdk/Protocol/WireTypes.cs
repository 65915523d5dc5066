using System;
using System.Text;
using System.Text.Json;

namespace DkCloud.Sdk.Protocol;

/// <summary>The <c>type</c> values of the protocol (docs/protocol.md).</summary>
internal static class WireTypes
{
    public const string AgentLogin = "agentlogin";
    public const string ContinueLogin = "continuelogin";
    public const string AgentLogout = "agentlogout";
    public const string Logoff = "logoff";
    public const string ExtensionRegister = "extensionregister";
    public const string ExtensionCancel = "extensioncancel";
    public const string SwitchExtension = "switchextension";
    public const string SetAgentState = "setagentstate";
    public const string QueryAgentState = "agentstate";
    public const string PlaceCall = "placecall";
    public const string Answer = "answer";
    public const string Reject = "reject";
    public const string HangupCommand = "hangup";
    public const string ForceHangup = "forcehangup";
    public const string Hold = "hold";
    public const string Unhold = "unhold";
    public const string Mute = "mute";
    public const string Unmute = "unmute";
    public const string Consult = "consult";
    public const string AttendedTransfer = "atxfer";
    public const string AttendedTransferHangup = "atxferhangup";
    public const string BlindMove = "blindmove";
    public const string Meet = "meet";
    public const string MeetHangup = "meethangup";
    public const string ServiceLevel = "servicelevel";
    public const string PlayDtmf = "playdtmf";
    public const string Chanspy = "chanspy";
    public const string Ping = "ping";

    public const string Ringing = "RINGING";
    public const string Answered = "ANSWERED";
    public const string Hangup = "HANGUP";
    public const string AgentStatePush = "agentState";
    public const string ForceOffline = "forceOffline";
    public const string Squeeze = "squeeze";
    public const string RealTimeData = "realTimeData";
    public const string IncomingNotConnectedHangup = "incomingNotConnectedHangup";
    public const string ExtensionBindUpdate = "EXTENSION_BIND_UPDATE";

    private static readonly string[] Known =
    {
        AgentLogin, ContinueLogin, AgentLogout, Logoff, ExtensionRegister, ExtensionCancel, SwitchExtension,
        SetAgentState, QueryAgentState, PlaceCall, Answer, Reject, HangupCommand, ForceHangup, Hold, Unhold, Mute,
        Unmute, Consult, AttendedTransfer, AttendedTransferHangup, BlindMove, Meet, MeetHangup, ServiceLevel,
        PlayDtmf, Chanspy, Ping, Ringing, Answered, Hangup, AgentStatePush, ForceOffline, Squeeze, RealTimeData,
        IncomingNotConnectedHangup, ExtensionBindUpdate,
    };

    private static readonly byte[][] KnownUtf8 = Array.ConvertAll(Known, k => Encoding.UTF8.GetBytes(k));

    /// <summary>The current string token as one of the constants above when it is one (no allocation), else a new string.</summary>
    public static string Intern(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan;
            for (var i = 0; i < KnownUtf8.Length; i++)
            {
                if (span.SequenceEqual(KnownUtf8[i]))
                {
                    return Known[i];
                }
            }
        }

        return reader.GetString() ?? string.Empty;
    }
}
