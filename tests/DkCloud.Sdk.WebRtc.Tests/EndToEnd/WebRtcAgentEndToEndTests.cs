using System;
using System.Linq;
using System.Threading.Tasks;
using DkCloud.Emulator;
using DkCloud.Sdk.Models;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.EndToEnd;

/// <summary>
/// WebRTC agents through <see cref="DkyClient"/> against the emulator's own SIP server, on real sockets on 127.0.0.1:
/// the extension registers with digest, calls ring it over SIP, and audio flows both ways through ICE, DTLS-SRTP and
/// RTP. The emulator's customer says 1000 Hz; agents say 440 Hz (and 660 Hz for a second agent).
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WebRtcAgentEndToEndTests
{
    private const double CustomerTone = 1000;
    private const double AgentTone = 440;
    private const double SecondAgentTone = 660;
    private const string Customer = "13800000001";

    [Fact]
    public async Task Outbound_call_auto_answers_the_agent_leg_and_carries_audio_both_ways()
    {
        await using var emulator = await StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        Assert.True(emulator.IsExtensionRegistered("2001"));

        var call = await agent.Client.CallPhoneAsync(new CallPhoneRequest(Customer));

        Assert.True(await Eventually.TrueAsync(() => agent.Ear.Hears(CustomerTone)), "the agent hears the customer's tone");
        Assert.True(await Eventually.TrueAsync(() => CustomerHears(emulator, call.LinkedId, AgentTone)), "the customer hears the agent's tone");
        Assert.Equal(call.LinkedId, agent.Client.Calls.Current?.LinkedId);
        Assert.Equal(0, agent.Ringer.Frames); // the agent's own outbound leg is picked up without ringing

        await agent.Client.HangupAsync();
        Assert.True(await Eventually.TrueAsync(() => agent.Events.Contains("dky:hangup")));
    }

    [Fact]
    public async Task Open_api_call_is_answered_on_the_extension_when_auto_answer_is_set()
    {
        await using var emulator = await StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        agent.Client.SetApiCallAutoAnswer(true);
        using var http = new System.Net.Http.HttpClient();
        var api = new DkCloud.Sdk.OpenApi.DkyOpenApiClient(http, new Uri(emulator.BaseUrl, "gw2/"), WebRtcAgent.ProjectId, "demo-token");

        var placed = await api.PlaceCallAsync("1001", Customer);

        Assert.True(await Eventually.TrueAsync(() => agent.Ear.Hears(CustomerTone)), "the agent hears the customer");
        Assert.True(await Eventually.TrueAsync(() => CustomerHears(emulator, placed.LinkedId, AgentTone)), "the customer hears the agent");
    }

    [Fact]
    public async Task Open_api_call_without_auto_answer_keeps_ringing_on_the_extension()
    {
        await using var emulator = await StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        using var http = new System.Net.Http.HttpClient();
        var api = new DkCloud.Sdk.OpenApi.DkyOpenApiClient(http, new Uri(emulator.BaseUrl, "gw2/"), WebRtcAgent.ProjectId, "demo-token");

        await api.PlaceCallAsync("1001", Customer);
        Assert.True(await Eventually.TrueAsync(() => agent.Events.Contains("dky:ring")));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(0, agent.Ear.Frames);
        await agent.Client.AnswerAsync();
        Assert.True(await Eventually.TrueAsync(() => agent.Ear.Hears(CustomerTone)));
    }

    [Fact]
    public async Task The_agent_hears_the_answer_beep_and_the_hangup_tone()
    {
        await using var emulator = await StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        var call = await agent.Client.CallPhoneAsync(new CallPhoneRequest(Customer));
        Assert.True(await Eventually.TrueAsync(() => agent.Ear.FramesWith(Integration.PromptPlayer.AnswerBeep) >= 5), "the answer beep plays when the customer picks up");
        Assert.True(await Eventually.TrueAsync(() => agent.Ear.Hears(CustomerTone)));
        Assert.Equal(0, agent.Ear.FramesWith(Integration.PromptPlayer.HangupBeep));

        await emulator.HangupCustomerAsync(call.LinkedId);

        Assert.True(await Eventually.TrueAsync(() => agent.Ear.FramesWith(Integration.PromptPlayer.HangupBeep) >= 40), "three hang-up beeps");
    }

    [Fact]
    public async Task Call_quality_is_sampled_every_second_and_summarised_at_hang_up()
    {
        await using var emulator = await StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        var samples = new System.Collections.Concurrent.ConcurrentQueue<DkCloud.Sdk.WebRtc.Quality.CallQualitySample>();
        var summary = new TaskCompletionSource<DkCloud.Sdk.WebRtc.Quality.CallQualitySummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Factory.QualitySampled += (_, e) => samples.Enqueue(e.Sample);
        agent.Factory.CallQualitySummaryReady += (_, e) => summary.TrySetResult(e);

        await agent.Client.CallPhoneAsync(new CallPhoneRequest(Customer));
        Assert.True(await Eventually.TrueAsync(() => samples.Count >= 3), "samples " + samples.Count);
        await agent.Client.HangupAsync();

        var whole = await summary.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(whole.Samples >= 3);
        Assert.InRange(whole.AverageMos, 3.5, 4.5);
        Assert.Contains(samples, s => s.PacketsReceived > 0);
    }

    [Fact]
    public async Task A_customer_speaks_from_a_wav_file_and_is_recorded()
    {
        var voice = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dkcloud-voice-" + Guid.NewGuid().ToString("N") + ".wav");
        var recording = System.IO.Path.ChangeExtension(voice, ".heard.wav");
        try
        {
            using (var file = new DkCloud.Sdk.WebRtc.Audio.WavFileSink(voice, 16000))
            {
                var tone = new DkCloud.Sdk.WebRtc.Audio.ToneSource(700, 16000, 0.3);
                var frame = new short[320];
                for (var i = 0; i < 50; i++)
                {
                    tone.ReadFrame(frame);
                    file.WriteFrame(frame);
                }
            }

            await using var emulator = await StartAsync();
            emulator.SetCustomer(Customer, new CustomerBehavior { VoiceFile = voice, RecordingPath = recording, HangupAfter = TimeSpan.FromSeconds(3) });
            await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);

            await agent.Client.CallPhoneAsync(new CallPhoneRequest(Customer));

            Assert.True(await Eventually.TrueAsync(() => agent.Ear.Hears(700)), "the agent hears the customer's WAV (16 kHz, looped, resampled)");
            Assert.True(await Eventually.TrueAsync(() => agent.Events.Contains("dky:hangup")));
            Assert.True(await Eventually.TrueAsync(() => new System.IO.FileInfo(recording).Length > 8000 * 2), "the customer's recording holds over a second");
        }
        finally
        {
            System.IO.File.Delete(voice);
            System.IO.File.Delete(recording);
        }
    }

    [Fact]
    public async Task Inbound_call_rings_the_extension_until_answered_then_talks()
    {
        await using var emulator = await StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        var linkedId = await emulator.InjectInboundCallAsync(WebRtcAgent.ProjectId, "1001", Customer);

        Assert.True(await Eventually.TrueAsync(() => agent.Events.Contains("dky:ring")));
        await Task.Delay(TimeSpan.FromSeconds(3)); // three rings' worth: nothing answers by itself
        Assert.Equal(0, agent.Ear.Frames);
        Assert.True(agent.Ringer.FramesWith(Integration.Ringer.Frequency) >= 40, "the ring tone plays on the ringer device");
        Assert.Equal(linkedId, agent.Client.Calls.Current?.LinkedId);

        await agent.Client.AnswerAsync();

        Assert.True(await Eventually.TrueAsync(() => agent.Ear.Hears(CustomerTone)));
        Assert.True(await Eventually.TrueAsync(() => CustomerHears(emulator, linkedId, AgentTone)));
        var rung = agent.Ringer.Frames;
        await Task.Delay(500);
        Assert.Equal(rung, agent.Ringer.Frames);
    }

    [Fact]
    public async Task Rejecting_an_inbound_call_stops_the_ringing_extension()
    {
        await using var emulator = await StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        await emulator.InjectInboundCallAsync(WebRtcAgent.ProjectId, "1001", Customer);
        Assert.True(await Eventually.TrueAsync(() => agent.Events.Contains("dky:ring")));

        await agent.Client.RejectAsync();

        Assert.True(await Eventually.TrueAsync(() => agent.Events.Contains("dky:hangup")));
        Assert.True(await Eventually.TrueAsync(() => agent.Client.AgentState == AgentState.Busy), "a refused call sets the agent busy");
        await Task.Delay(500);
        Assert.Equal(0, agent.Ear.Frames);
    }

    [Fact]
    public async Task Hold_plays_music_to_both_sides_and_unhold_brings_the_voices_back()
    {
        await using var emulator = await StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        var call = await agent.Client.CallPhoneAsync(new CallPhoneRequest(Customer));
        Assert.True(await Eventually.TrueAsync(() => agent.Ear.Hears(CustomerTone)));

        await agent.Client.HoldAsync();
        Assert.True(await Eventually.TrueAsync(() => HearsMusic(agent.Ear.Meter.DominantFrequency())), "the agent hears music on hold");
        Assert.True(await Eventually.TrueAsync(() => HearsMusic(emulator.GetCustomerHearing(call.LinkedId)?.DominantFrequency)), "the customer hears music on hold");

        await agent.Client.UnholdAsync();
        Assert.True(await Eventually.TrueAsync(() => agent.Ear.Hears(CustomerTone)));
        Assert.True(await Eventually.TrueAsync(() => CustomerHears(emulator, call.LinkedId, AgentTone)));
    }

    [Fact]
    public async Task Mute_silences_the_agent_for_the_customer_until_unmuted()
    {
        await using var emulator = await StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        var call = await agent.Client.CallPhoneAsync(new CallPhoneRequest(Customer));
        Assert.True(await Eventually.TrueAsync(() => CustomerHears(emulator, call.LinkedId, AgentTone)));

        await agent.Client.MuteAsync();
        Assert.True(await Eventually.TrueAsync(() => emulator.GetCustomerHearing(call.LinkedId) is { DominantFrequency: null, Level: < 0.001 }), "the customer hears silence");
        Assert.True(agent.Ear.Hears(CustomerTone) || await Eventually.TrueAsync(() => agent.Ear.Hears(CustomerTone)), "the agent still hears the customer");

        await agent.Client.UnmuteAsync();
        Assert.True(await Eventually.TrueAsync(() => CustomerHears(emulator, call.LinkedId, AgentTone)), "the customer hears the agent again");
    }

    [Fact]
    public async Task Dtmf_reaches_the_customer_and_the_agent_hears_the_keypad()
    {
        await using var emulator = await StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        var call = await agent.Client.CallPhoneAsync(new CallPhoneRequest(Customer));
        Assert.True(await Eventually.TrueAsync(() => agent.Ear.Hears(CustomerTone)));

        await agent.Client.SendDtmfAsync("1#");

        Assert.Contains("1#", emulator.ReceivedDtmf(call.LinkedId));
        Assert.True(await Eventually.TrueAsync(() => agent.Keypad.Digits == "1#"), "keypad heard: " + agent.Keypad.Digits);
    }

    [Fact]
    public async Task Consult_between_two_webrtc_agents_in_one_process_carries_audio_between_them()
    {
        await using var emulator = await StartAsync();
        await using var alice = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        await using var bob = await WebRtcAgent.LogInAsync(emulator, "1002", "2002", SecondAgentTone);
        await bob.Client.SetAgentStateAsync(AgentState.Idle);
        var call = await alice.Client.CallPhoneAsync(new CallPhoneRequest(Customer));
        Assert.True(await Eventually.TrueAsync(() => alice.Ear.Hears(CustomerTone)));

        await alice.Client.ConsultAsync(TransferTarget.Agent("1002"));
        Assert.True(await Eventually.TrueAsync(() => bob.Events.Contains("dky:ring")));
        await bob.Client.AnswerAsync();

        Assert.True(await Eventually.TrueAsync(() => alice.Ear.Hears(SecondAgentTone)), "Alice hears Bob");
        Assert.True(await Eventually.TrueAsync(() => bob.Ear.Hears(AgentTone)), "Bob hears Alice");
        Assert.True(await Eventually.TrueAsync(() => HearsMusic(emulator.GetCustomerHearing(call.LinkedId)?.DominantFrequency)), "the customer waits with music");
    }

    [Fact]
    public async Task Sip_connection_dropped_mid_call_keeps_the_audio_and_registers_again()
    {
        await using var emulator = await StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", AgentTone);
        var call = await agent.Client.CallPhoneAsync(new CallPhoneRequest(Customer));
        Assert.True(await Eventually.TrueAsync(() => agent.Ear.Hears(CustomerTone)));

        Assert.True(emulator.DropSipConnection("2001"));
        var framesAtDrop = agent.Ear.Frames;

        Assert.True(await Eventually.TrueAsync(() => agent.Events.Contains("dky:weakSignalDetection:error")));
        Assert.True(await Eventually.TrueAsync(() => agent.Events.Contains("dky:reconnect:sip:reconnected")), string.Join(", ", agent.Events));
        Assert.True(emulator.IsExtensionRegistered("2001"));
        Assert.Contains("dky:reconnect:sip:reconnecting", agent.Events);
        Assert.True(agent.Ear.Frames > framesAtDrop + 25, "audio kept flowing during the signaling reconnect");
        Assert.True(agent.Ear.Hears(CustomerTone));
        Assert.True(CustomerHears(emulator, call.LinkedId, AgentTone));

        // The dialog survives on the new connection: hanging up still reaches the extension.
        await agent.Client.HangupAsync();
        Assert.True(await Eventually.TrueAsync(() => agent.Events.Contains("dky:hangup")));
    }

    private static Task<DkCloudEmulator> StartAsync() =>
        DkCloudEmulator.StartAsync(new EmulatorOptions { WrapupSeconds = 0 });

    private static bool CustomerHears(DkCloudEmulator emulator, string linkedId, double frequency) =>
        emulator.GetCustomerHearing(linkedId)?.DominantFrequency is { } heard && Math.Abs(heard - frequency) <= 15;

    private static bool HearsMusic(double? frequency) =>
        frequency is { } f && (Math.Abs(f - 523) <= 15 || Math.Abs(f - 659) <= 15);
}
