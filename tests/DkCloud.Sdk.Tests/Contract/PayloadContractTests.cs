using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Protocol;
using DkCloud.Sdk.Tests.Support;
using Xunit;

namespace DkCloud.Sdk.Tests.Contract;

/// <summary>
/// Every JSON example of the vendor's document deserializes into its typed event with every field kept:
/// server messages through the SDK's own decoder, SDK-made events through the same JSON metadata.
/// </summary>
public sealed class PayloadContractTests
{
    /// <summary>file, how it reaches the SDK ("envelope", "data:&lt;type&gt;", or "sdk"), the expected type, the event name.</summary>
    public static IEnumerable<object[]> Cases() => new List<object[]>
    {
        new object[] { "7.1.1-init.json", "sdk", typeof(InitEventArgs) },
        new object[] { "7.1.2-logoff.json", "sdk", typeof(LogoffEventArgs) },
        new object[] { "7.1.3-agentLogin.json", "envelope", typeof(AgentLoginEventArgs) },
        new object[] { "7.1.4-agentExit.json", "envelope", typeof(AgentExitEventArgs) },
        new object[] { "7.1.5-extensionRegister.json", "sdk", typeof(ExtensionRegisterEventArgs) },
        new object[] { "7.1.6-extensionCancel.json", "sdk", typeof(ExtensionCancelEventArgs) },
        new object[] { "7.1.7-extensionBindUpdate.json", "data:EXTENSION_BIND_UPDATE", typeof(ExtensionBindUpdateEventArgs) },
        new object[] { "7.2.1-agentState-set.json", "data:setagentstate", typeof(AgentStateEventArgs) },
        new object[] { "7.2.2-agentState-query.json", "data:agentstate", typeof(AgentStateEventArgs) },
        new object[] { "7.2.4-forceOffline.json", "data:forceOffline", typeof(ForceOfflineEventArgs) },
        new object[] { "7.2.5-sipOptions-succeeded.json", "sdk", typeof(SipOptionsEventArgs) },
        new object[] { "7.2.5-sipOptions-failed.json", "sdk", typeof(SipOptionsEventArgs) },
        new object[] { "7.3.1-callphone.json", "envelope", typeof(CallPhoneEventArgs) },
        new object[] { "7.3.2-answer.json", "envelope", typeof(AnswerEventArgs) },
        new object[] { "7.3.3-hangup.json", "envelope", typeof(HangupEventArgs) },
        new object[] { "7.3.4-ring.json", "envelope", typeof(RingEventArgs) },
        new object[] { "7.3.5-hold.json", "data:hold", typeof(HoldEventArgs) },
        new object[] { "7.3.6-hold-unhold.json", "data:unhold", typeof(HoldEventArgs) },
        new object[] { "7.3.7-agentMute.json", "data:mute", typeof(AgentMuteEventArgs) },
        new object[] { "7.3.8-agentMute-unmute.json", "data:unmute", typeof(AgentMuteEventArgs) },
        new object[] { "7.3.9-consult.json", "data:consult", typeof(ConsultEventArgs) },
        new object[] { "7.3.10-atxfer.json", "data:atxfer", typeof(AttendedTransferEventArgs) },
        new object[] { "7.3.11-atxferHangup-error.json", "error:atxferhangup", typeof(AttendedTransferHangupEventArgs) },
        new object[] { "7.3.12-blindMove.json", "data:blindmove", typeof(BlindTransferEventArgs) },
        new object[] { "7.3.13-meet.json", "data:meet", typeof(MeetEventArgs) },
        new object[] { "7.3.14-meetHangup-error.json", "error:meethangup", typeof(MeetHangupEventArgs) },
        new object[] { "7.3.15-serviceLevel.json", "envelope", typeof(ServiceLevelEventArgs) },
        new object[] { "7.4.1-chanspy.json", "data:chanspy", typeof(ChanspyEventArgs) },
        new object[] { "7.5.1-forceOffline-2.json", "data:forceOffline", typeof(ForceOfflineEventArgs) },
        new object[] { "7.5.2-realTimeData.json", "data:realTimeData", typeof(RealTimeDataEventArgs) },
        new object[] { "7.5.3-incomingNotConnectedHangup.json", "data:incomingNotConnectedHangup", typeof(IncomingNotConnectedHangupEventArgs) },
        new object[] { "7.5.4-reconnect.json", "sdk", typeof(ReconnectEventArgs) },
        new object[] { "7.5.5-deviceDetection.json", "sdk", typeof(DeviceDetectionEventArgs) },
        new object[] { "7.5.6-networkDelay.json", "sdk", typeof(NetworkDelayEventArgs) },
        new object[] { "7.5.8-weakSignalDetection.json", "sdk", typeof(WeakSignalDetectionEventArgs) },
    };

    [Fact]
    public void Every_payload_file_is_covered()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Payloads"), "*.json").Select(Path.GetFileName).OrderBy(f => f);
        var covered = Cases().Select(c => (string)c[0]).OrderBy(f => f);
        Assert.Equal(files, covered);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Payload_deserializes_with_every_field(string file, string path, Type expected)
    {
        var json = Payloads.Read(file);
        var args = Decode(json, path, expected);
        Assert.IsType(expected, args);
        FieldChecker.AssertEveryField(Payloads.Element(file), args);
        Assert.Equal(JsonValueKind.Object, args.Raw.ValueKind);
    }

    [Fact]
    public void Agent_login_answer_exposes_registration_address()
    {
        var e = (AgentLoginEventArgs)Codec.DecodeEnvelope(Payloads.Read("7.1.3-agentLogin.json"));
        Assert.True(e.IsSuccess);
        Assert.Equal(EventNames.AgentLogin, e.EventName);
        Assert.Equal(1720693864036, e.CreateTime);
        Assert.Equal(1, e.Data!.AgentRole);
        Assert.Equal("12345", e.Data.PjsipPort);
        Assert.Equal("realm域地址", e.Data.Realm);
        Assert.Equal("分机注册地址", e.Data.WebrtcIp);
    }

    [Fact]
    public void Ring_event_is_classified_once()
    {
        var e = (RingEventArgs)Codec.DecodeEnvelope(Payloads.Read("7.3.4-ring.json"));
        Assert.Equal(EventNames.Ring, e.EventName);
        Assert.Null(e.CreateTime);
        Assert.Equal("cti2-1720759437227.100019", e.LinkedId);
        Assert.Equal(CallLeg.Customer, e.Data!.CallLeg);
        Assert.Equal(CallDirection.Outbound, e.Data.Direction);
        Assert.Equal(CallType.Normal, e.Data.CallType);
        Assert.Equal(183, e.Data.DialStatus!.Code);
        Assert.Equal("会话正在进行中", e.Data.DialStatus.MeaningZh);
        Assert.Equal("18234554910", e.Data.CustomerDecodeTelNumber);
    }

    [Fact]
    public void Hangup_event_carries_durations_and_wrapup()
    {
        var e = (HangupEventArgs)Codec.DecodeEnvelope(Payloads.Read("7.3.3-hangup.json"));
        Assert.Equal(30, e.Data!.WrapupTime);
        Assert.Equal(17, e.Data.Duration);
        Assert.Equal(7, e.Data.Billsec);
        Assert.Equal("2024-07-12 12:20:34", e.Data.AnswerTime);
        Assert.Equal("1", e.Data.AnswerStatusCode);
        Assert.Equal(string.Empty, e.Data.EnterSatisfaction);
    }

    [Fact]
    public void Sip_options_delay_is_graded_like_the_document()
    {
        var ok = JsonSerializer.Deserialize(Payloads.Read("7.2.5-sipOptions-succeeded.json"), DkyJsonContext.Default.SipOptionsEventArgs)!;
        Assert.Equal(39, ok.DelayTime);
        Assert.Equal(LinkQuality.Excellent, ok.Quality);
        var failed = JsonSerializer.Deserialize(Payloads.Read("7.2.5-sipOptions-failed.json"), DkyJsonContext.Default.SipOptionsEventArgs)!;
        Assert.Null(failed.Quality);
        Assert.Equal("Connect error", failed.Cause);
    }

    [Fact]
    public void Error_events_of_retrieve_are_raised_only_on_failure()
    {
        Assert.Null(ProtocolMap.Find(WireTypes.AttendedTransferHangup, success: true));
        var e = (AttendedTransferHangupEventArgs)Codec.DecodeData(WireTypes.AttendedTransferHangup, Payloads.Read("7.3.11-atxferHangup-error.json"), code: "500");
        Assert.True(e.IsError);
        Assert.Equal(EventNames.AttendedTransferHangup, e.EventName);
    }

    private static DkyEventArgs Decode(string json, string path, Type expected)
    {
        if (path == "envelope")
        {
            return Codec.DecodeEnvelope(json);
        }

        if (path.StartsWith("data:", StringComparison.Ordinal))
        {
            return Codec.DecodeData(path.Substring(5), json);
        }

        if (path.StartsWith("error:", StringComparison.Ordinal))
        {
            return Codec.DecodeData(path.Substring(6), json, code: "500");
        }

        var info = DkyJsonContext.Default.GetTypeInfo(expected)!;
        var args = (DkyEventArgs)JsonSerializer.Deserialize(json, info)!;
        args.Raw = JsonDocument.Parse(json).RootElement.Clone();
        return args;
    }
}
