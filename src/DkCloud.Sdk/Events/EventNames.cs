namespace DkCloud.Sdk.Events;

/// <summary>The JS SDK's event names, for <see cref="DkyClient.On"/> and <see cref="DkyEventArgs.EventName"/>.</summary>
public static class EventNames
{
#pragma warning disable CS1591 // Each constant is the event name it spells.
    public const string Init = "dky:init";
    public const string Logoff = "dky:logoff";
    public const string AgentLogin = "dky:agentLogin";
    public const string AgentExit = "dky:agentExit";
    public const string ExtensionRegister = "dky:extensionRegister";
    public const string ExtensionCancel = "dky:extensionCancel";
    public const string SwitchExtension = "dky:switchExtension";
    public const string ExtensionBindUpdate = "dky:extensionBindUpdate";
    public const string AgentState = "dky:agentState";
    public const string ForceOffline = "dky:forceOffline";
    public const string SipOptions = "dky:sipOptions";
    public const string Squeeze = "dky:squeeze";
    public const string CallPhone = "dky:callphone";
    public const string Answer = "dky:answer";
    public const string Hangup = "dky:hangup";
    public const string Ring = "dky:ring";
    public const string ForceDisconnectCall = "dky:forceDisconnectCall";
    public const string Hold = "dky:hold";
    public const string AgentMute = "dky:agentMute";
    public const string Consult = "dky:consult";
    public const string AttendedTransfer = "dky:atxfer";
    public const string AttendedTransferHangup = "dky:atxferHangup";
    public const string BlindMove = "dky:blindMove";
    public const string Meet = "dky:meet";
    public const string MeetHangup = "dky:meetHangup";
    public const string ServiceLevel = "dky:serviceLevel";
    public const string PlayDtmf = "dky:play_dtmf";
    public const string Chanspy = "dky:chanspy";
    public const string RealTimeData = "dky:realTimeData";
    public const string IncomingNotConnectedHangup = "dky:incomingNotConnectedHangup";
    public const string Reconnect = "dky:reconnect";
    public const string DeviceDetection = "dky:deviceDetection";
    public const string NetworkDelay = "dky:networkDelay";
    public const string WeakSignalDetection = "dky:weakSignalDetection";
    public const string NetworkSituation = "dky:networkSituation";
    public const string AgentWebSocketOpen = "dky:agentWebsocketOpen";
    public const string AgentWebSocketClose = "dky:agentWebsocketClose";
#pragma warning restore CS1591
}
