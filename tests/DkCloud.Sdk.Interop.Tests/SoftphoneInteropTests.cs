using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;
using Xunit;
using Xunit.Abstractions;

namespace DkCloud.Sdk.Interop.Tests;

/// <summary>
/// The softphone with real media (ICE, DTLS-SRTP, PCMU) through Kamailio and rtpengine to baresip (9000), which sends a
/// 1000 Hz tone and records what it receives.
/// </summary>
[Collection(InteropCollection.Name)]
[Trait("Category", "Interop")]
public sealed class SoftphoneInteropTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ToneTime = TimeSpan.FromSeconds(3);
    private readonly InteropRig _rig;
    private readonly ITestOutputHelper _output;

    public SoftphoneInteropTests(InteropRig rig, ITestOutputHelper output)
    {
        _rig = rig;
        _output = output;
    }

    private async Task<SoftphoneCall> DialUsAsync(Softphone phone, string user)
    {
        var incoming = new TaskCompletionSource<SoftphoneCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        phone.IncomingCall += call => incoming.TrySetResult(call);
        await _rig.FarEndAsync("dial", "sip:" + user + "@" + _rig.Domain);
        return await incoming.Task.WaitAsync(Wait);
    }

    private async Task HearTheFarEndAndSendOurToneAsync(SoftphoneCall call)
    {
        await call.Media.WhenSecure.WaitAsync(Wait);
        var heard = Stopwatch.StartNew();
        Assert.True(await Eventually.TrueAsync(() => call.Media.Heard.IsHearing(1000), TimeSpan.FromSeconds(5)), "heard " + call.Media.Heard.DominantFrequency() + " Hz; " + call.Media.Counters);
        Assert.True(heard.Elapsed < TimeSpan.FromSeconds(5));
        double heardHz = call.Media.Heard.DominantFrequency()!.Value;
        _output.WriteLine("we heard " + heardHz + " Hz after " + heard.ElapsedMilliseconds + " ms");
        Assert.InRange(heardHz, 980, 1020);
        Assert.Equal(0, call.Media.PayloadType);
        await Task.Delay(ToneTime);
        // 150 frames are due in 3 s. A sender stalled for more than five frames skips the lost time rather than
        // bursting (as a real-time sender must), so a loaded 2-core CI machine may send fewer: media must keep
        // flowing, the far end's recording proves the audio.
        Assert.True(call.Media.Counters.PacketsSent >= 100, call.Media.Counters.ToString());
        Assert.True(call.Media.Counters.PacketsReceived >= 100, call.Media.Counters.ToString());
        Assert.Equal(0, call.Media.Counters.SrtpAuthenticationFailures);
        _output.WriteLine(call.Media.Counters.ToString());
    }

    private async Task AssertFarEndHeard440Async(HashSet<string> before)
    {
        (double hertz, string report) = await InteropProcess.FarEndHeardAsync(_rig, before);
        _output.WriteLine("baresip heard " + hertz + " Hz");
        Assert.True(Math.Abs(hertz - 440) <= 20, "baresip heard " + hertz + " Hz:\n" + report);
    }

    [Fact]
    public async Task Softphone_calls_9000_hears_its_1000_Hz_tone_and_9000_records_our_440_Hz()
    {
        using Softphone phone = _rig.CreateSoftphone(o => o.Source = new ToneFrameSource(440), "1001");
        await phone.StartAsync();
        HashSet<string> before = InteropProcess.FarEndRecordings(_rig);

        SoftphoneCall call = await phone.CallAsync("9000").WaitAsync(Wait);
        Assert.Equal(DtlsRole.Server, call.Media.DtlsRole);
        await HearTheFarEndAndSendOurToneAsync(call);
        await call.HangupAsync().WaitAsync(Wait);
        Assert.Equal(SipCallEndReason.LocalHangup, (await call.WhenEnded).Reason);
        await phone.StopAsync();

        await AssertFarEndHeard440Async(before);
    }

    [Fact]
    public async Task Softphone_answers_baresip_with_media_both_ways_and_baresip_hangs_up()
    {
        using Softphone phone = _rig.CreateSoftphone(o => o.Source = new ToneFrameSource(440), "1007");
        await phone.StartAsync();
        HashSet<string> before = InteropProcess.FarEndRecordings(_rig);

        SoftphoneCall call = await DialUsAsync(phone, "1007");
        await phone.AnswerAsync(call);
        await call.Sip.WhenEstablished.WaitAsync(Wait);
        Assert.Equal(DtlsRole.Client, call.Media.DtlsRole);
        await HearTheFarEndAndSendOurToneAsync(call);
        await _rig.FarEndAsync("hangup");
        Assert.Equal(SipCallEndReason.RemoteHangup, (await call.WhenEnded.WaitAsync(Wait)).Reason);
        await phone.StopAsync();

        await AssertFarEndHeard440Async(before);
    }

    [Fact]
    public async Task Baresip_cancels_a_ringing_call_and_the_softphone_sends_487()
    {
        using Softphone phone = _rig.CreateSoftphone(o => o.Source = new ToneFrameSource(440), "1008");
        await phone.StartAsync();
        SoftphoneCall call = await DialUsAsync(phone, "1008");
        Assert.Equal(SipCallState.Ringing, call.Sip.State);

        await _rig.FarEndAsync("hangup");
        SipCallEndedEventArgs ended = await call.WhenEnded.WaitAsync(Wait);
        Assert.Equal(SipCallEndReason.RemoteCanceled, ended.Reason);
        Assert.Equal(487, ended.StatusCode);
        Assert.Empty(phone.Calls);
        Assert.True(await Eventually.TrueAsync(async () => !(await _rig.FarEndAsync("listcalls")).Contains("1008", StringComparison.Ordinal), Wait));
        await phone.StopAsync();
    }
}
