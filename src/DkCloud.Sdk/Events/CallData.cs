using System.Collections.Generic;
using System.Text.Json.Serialization;
using DkCloud.Sdk.Calls;

namespace DkCloud.Sdk.Events;

/// <summary>
/// The <c>data</c> of a call event: RINGING (7.3.4), ANSWERED (7.3.2) and HANGUP (7.3.3) share these fields;
/// those a kind of event does not carry stay null.
/// </summary>
public sealed class CallData
{
    /// <summary>Whether the event was forwarded from another agent's call (<c>forwardEvent</c>).</summary>
    public string? ForwardEvent { get; init; }

    /// <summary>The call's unique id (<c>linkedId</c>).</summary>
    public string? LinkedId { get; init; }

    /// <summary>The SIP Call-ID of the leg (<c>sipCallId</c>).</summary>
    public string? SipCallId { get; init; }

    /// <summary><c>agent</c> or <c>customer</c> as sent (<c>callLeg</c>); see <see cref="CallLeg"/>.</summary>
    [JsonPropertyName("callLeg")]
    public string? CallLegCode { get; init; }

    /// <summary>The signaling status code, e.g. 183, 200, 486 (<c>dialCode</c>); see <see cref="SipStatus"/>.</summary>
    public string? DialCode { get; init; }

    /// <summary><c>RINGING</c>, <c>ANSWERED</c> or <c>HANGUP</c> (<c>eventType</c>).</summary>
    public string? EventType { get; init; }

    /// <summary>The agent number (<c>agentNumber</c>).</summary>
    public string? AgentNumber { get; init; }

    /// <summary>The call type code as sent, 0–32 (<c>callType</c>); see <see cref="CallType"/>.</summary>
    [JsonPropertyName("callType")]
    public string? CallTypeCode { get; init; }

    /// <summary>The number shown to the customer (<c>customerDisplayNumber</c>).</summary>
    public string? CustomerDisplayNumber { get; init; }

    /// <summary>Seconds of after-call work once the call ends (<c>wrapupTime</c>).</summary>
    public int? WrapupTime { get; init; }

    /// <summary>The integrator's agent id (<c>crmId</c>).</summary>
    public string? CrmId { get; init; }

    /// <summary>The customer's number (<c>customerTelNumber</c>).</summary>
    public string? CustomerTelNumber { get; init; }

    /// <summary>The customer's number decoded, when the platform masks numbers (<c>customerDecodeTelNumber</c>).</summary>
    public string? CustomerDecodeTelNumber { get; init; }

    /// <summary>The agent's extension number (<c>agentTelNumber</c>).</summary>
    public string? AgentTelNumber { get; init; }

    /// <summary>Where the customer's number belongs, e.g. <c>山西|长治</c> (<c>customerTelCity</c>).</summary>
    public string? CustomerTelCity { get; init; }

    /// <summary>The request id (<c>requestId</c>).</summary>
    public string? RequestId { get; init; }

    /// <summary>When the event happened, <c>yyyy-MM-dd HH:mm:ss</c> (<c>eventTime</c>).</summary>
    public string? EventTime { get; init; }

    /// <summary>The switch's channel name (<c>channelName</c>).</summary>
    public string? ChannelName { get; init; }

    /// <summary>The integrator's data given when the call was placed (<c>originateUserField</c>).</summary>
    public string? OriginateUserField { get; init; }

    /// <summary>The enterprise code (<c>projectId</c>).</summary>
    public string? ProjectId { get; init; }

    /// <summary>The switch's channel id (<c>channelId</c>).</summary>
    public string? ChannelId { get; init; }

    /// <summary><c>in</c> or <c>out</c> (<c>option</c>); see <see cref="Direction"/>.</summary>
    public string? Option { get; init; }

    /// <summary>When the call was answered (<c>answerTime</c>, hang-up only).</summary>
    public string? AnswerTime { get; init; }

    /// <summary>Whether the call was answered (<c>answerStatusCode</c>, hang-up only).</summary>
    public string? AnswerStatusCode { get; init; }

    /// <summary>Seconds from start to end (<c>duration</c>, hang-up only).</summary>
    public int? Duration { get; init; }

    /// <summary>When the call started (<c>startTime</c>, hang-up only).</summary>
    public string? StartTime { get; init; }

    /// <summary>Billed seconds, from answer to end (<c>billsec</c>, hang-up only).</summary>
    public int? Billsec { get; init; }

    /// <summary>When the leg started ringing (<c>ringTime</c>, hang-up only).</summary>
    public string? RingTime { get; init; }

    /// <summary>Non-empty when the customer went on to the satisfaction survey (<c>enterSatisfaction</c>).</summary>
    public string? EnterSatisfaction { get; init; }

    /// <summary>When the call ended (<c>endTime</c>, hang-up only).</summary>
    public string? EndTime { get; init; }

    /// <summary>The transfers and consultations of the call, keyed as the server keys them (<c>transferMessage</c>).</summary>
    public Dictionary<string, TransferInfo>? TransferMessage { get; init; }

    /// <summary>The leg the event is about.</summary>
    [JsonIgnore]
    public CallLeg CallLeg => CallClassifier.ParseLeg(CallLegCode);

    /// <summary>Inbound or outbound.</summary>
    [JsonIgnore]
    public CallDirection Direction => CallClassifier.ParseDirection(Option);

    /// <summary>The call type as an enum (values outside the named ones are kept as numbers).</summary>
    [JsonIgnore]
    public CallType CallType => CallClassifier.ParseCallType(CallTypeCode);

    /// <summary><see cref="DialCode"/> as a SIP status, when it is a number.</summary>
    [JsonIgnore]
    public SipStatus? DialStatus => int.TryParse(DialCode, out var code) ? SipStatus.FromCode(code) : null;
}
