using System.Text.Json;
using System.Text.Json.Serialization;
using DkCloud.Sdk.Events;

namespace DkCloud.Sdk.Protocol;

/// <summary>Source-generated JSON metadata for every payload of the protocol.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(FlexibleStringConverter) })]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(AgentLoginEventArgs))]
[JsonSerializable(typeof(AgentExitEventArgs))]
[JsonSerializable(typeof(ServiceLevelEventArgs))]
[JsonSerializable(typeof(CallPhoneEventArgs))]
[JsonSerializable(typeof(RingEventArgs))]
[JsonSerializable(typeof(AnswerEventArgs))]
[JsonSerializable(typeof(HangupEventArgs))]
[JsonSerializable(typeof(InitEventArgs))]
[JsonSerializable(typeof(LogoffEventArgs))]
[JsonSerializable(typeof(ExtensionRegisterEventArgs))]
[JsonSerializable(typeof(ExtensionCancelEventArgs))]
[JsonSerializable(typeof(SwitchExtensionEventArgs))]
[JsonSerializable(typeof(NetworkDelayEventArgs))]
[JsonSerializable(typeof(ExtensionBindUpdateEventArgs))]
[JsonSerializable(typeof(AgentStateEventArgs))]
[JsonSerializable(typeof(ForceOfflineEventArgs))]
[JsonSerializable(typeof(SqueezeEventArgs))]
[JsonSerializable(typeof(SipOptionsEventArgs))]
[JsonSerializable(typeof(HoldEventArgs))]
[JsonSerializable(typeof(AgentMuteEventArgs))]
[JsonSerializable(typeof(ConsultEventArgs))]
[JsonSerializable(typeof(AttendedTransferEventArgs))]
[JsonSerializable(typeof(BlindTransferEventArgs))]
[JsonSerializable(typeof(MeetEventArgs))]
[JsonSerializable(typeof(AttendedTransferHangupEventArgs))]
[JsonSerializable(typeof(MeetHangupEventArgs))]
[JsonSerializable(typeof(ChanspyEventArgs))]
[JsonSerializable(typeof(RealTimeDataEventArgs))]
[JsonSerializable(typeof(IncomingNotConnectedHangupEventArgs))]
[JsonSerializable(typeof(ReconnectEventArgs))]
[JsonSerializable(typeof(DeviceDetectionEventArgs))]
[JsonSerializable(typeof(WeakSignalDetectionEventArgs))]
[JsonSerializable(typeof(ForceDisconnectCallEventArgs))]
[JsonSerializable(typeof(PlayDtmfEventArgs))]
[JsonSerializable(typeof(NetworkSituationEventArgs))]
[JsonSerializable(typeof(AgentWebSocketEventArgs))]
internal sealed partial class DkyJsonContext : JsonSerializerContext
{
}
