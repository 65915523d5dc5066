using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;
using Xunit;
using Xunit.Abstractions;

namespace DkCloud.Sdk.Interop.Tests;

/// <summary>
/// The softphone's audio pipeline against baresip through Kamailio and rtpengine: Opus with the far end 9001
/// (<c>UA_OPUS_FAREND_CODECS="opus g711"</c>), and RFC 4733 digits both ways with 9001 and with the G.711 far end 9000.
/// baresip logs each RFC 4733 event it receives (<c>received event: 'N' (end=1)</c>) and sends digits on <c>sndcode</c>.
/// </summary>
[Collection(InteropCollection.Name)]
[Trait("Category", "Interop")]
public sealed class OpusInteropTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly InteropRig _rig;
    private readonly ITestOutputHelper _output;

    public OpusInteropTests(InteropRig rig, ITestOutputHelper output)
    {
        _rig = rig;
        _output = output;
    }

    private async Task<string> OpusFarEndAsync(params string[] arguments)
    {
        (int exitCode, string output, string errors) = await InteropScripts.RunAsync(_rig.Folder, ["opus-farend.sh", .. arguments]);
        Assert.True(exitCode == 0, "opus-farend.sh " + string.Join(' ', arguments) + " failed (exit " + exitCode + "): " + output + errors);
        return output;
    }

    private Task<string> FarEndAsync(string user, params string[] arguments)
        => user == _rig.Endpoints["OPUS_FAR_END_USER"] ? OpusFarEndAsync(arguments) : _rig.FarEndAsync(arguments);

    private string FarEndLog(string user) => _rig.ReadLog(user == _rig.Endpoints["OPUS_FAR_END_USER"] ? "baresip-opus.log" : "baresip.log");

    private async Task HearTheFarEndAsync(SoftphoneCall call)
    {
        await call.Media.WhenSecure.WaitAsync(Wait);
        Assert.True(await Eventually.TrueAsync(() => call.Media.Heard.IsHearing(1000), TimeSpan.FromSeconds(5)), "heard " + call.Media.Heard.DominantFrequency() + " Hz; " + call.Media.Counters);
        double heard = call.Media.Heard.DominantFrequency()!.Value;
        _output.WriteLine($"{call.Media.Codec} (pt {call.Media.PayloadType}, {call.Media.Negotiated}): we hear {heard} Hz");
        Assert.InRange(heard, 980, 1020);
    }

    private async Task AssertFarEndHeard440Async(HashSet<string> before)
    {
        string folder = _rig.Endpoints["OPUS_RECORDING_DIR"];
        var watch = Stopwatch.StartNew();
        string? file = null;
        while (file is null && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            file = Recordings().FirstOrDefault(f => !before.Contains(f));
            await Task.Delay(200);
        }

        Assert.True(file is not null, "no new recording in " + folder);
        long size = -1;
        while (watch.Elapsed < TimeSpan.FromSeconds(15) && new FileInfo(file!).Length != size)
        {
            size = new FileInfo(file!).Length;
            await Task.Delay(500);
        }

        (int exitCode, string report) = await InteropProcess.RunAsync("bash", [Path.Combine(_rig.Folder, "freq.sh"), file!], _rig.Folder, TimeSpan.FromSeconds(30));
        Match hertz = Regex.Match(report, @"DOMINANT_HZ=(\d+)");
        _output.WriteLine("baresip (opus) recorded:\n" + report);
        Assert.True(exitCode == 0 && hertz.Success && Math.Abs(int.Parse(hertz.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 440) <= 20, report);
    }

    private HashSet<string> Recordings()
    {
        string folder = _rig.Endpoints["OPUS_RECORDING_DIR"];
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "dump-*-dec.wav").ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
    }

    [Fact]
    public async Task Softphone_calls_the_opus_far_end_negotiates_opus_and_tones_cross_both_ways()
    {
        using Softphone phone = _rig.CreateSoftphone(o => o.Microphone = new ToneSource(440, 48000), "1011");
        await phone.StartAsync();
        HashSet<string> before = Recordings();

        SoftphoneCall call = await phone.CallAsync(_rig.Endpoints["OPUS_FAR_END_USER"]).WaitAsync(Wait);
        Assert.Equal("opus", call.Media.Codec);
        Assert.Contains("opus/48000/2", call.Sip.RemoteSdp, StringComparison.OrdinalIgnoreCase);
        await HearTheFarEndAsync(call);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(call.Media.Counters.PacketsReceived >= 100, call.Media.Counters.ToString());
        Assert.Equal(0, call.Media.Counters.SrtpAuthenticationFailures);
        _output.WriteLine(call.Media.Counters + "; jitter buffer lost " + call.Media.JitterBufferStatistics!.Lost + ", FEC " + call.Media.JitterBufferStatistics.ForwardErrorCorrected);
        await call.HangupAsync().WaitAsync(Wait);
        Assert.NotNull(call.Media.QualitySummary);
        _output.WriteLine($"quality: {call.Media.QualitySummary!.Samples} samples, MOS {call.Media.QualitySummary.AverageMos:0.00}, loss {call.Media.QualitySummary.PacketLossPercent:0.0} %");
        await phone.StopAsync();

        await AssertFarEndHeard440Async(before);
    }

    [Fact]
    public async Task Opus_far_end_calls_the_softphone_and_opus_is_answered_with_tones_both_ways()
    {
        using Softphone phone = _rig.CreateSoftphone(o => o.Microphone = new ToneSource(440, 48000), "1012");
        await phone.StartAsync();
        HashSet<string> before = Recordings();
        var incoming = new TaskCompletionSource<SoftphoneCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        phone.IncomingCall += c => incoming.TrySetResult(c);
        await OpusFarEndAsync("dial", "sip:1012@" + _rig.Domain);
        SoftphoneCall call = await incoming.Task.WaitAsync(Wait);
        Assert.Contains("opus/48000", call.Sip.RemoteSdp, StringComparison.OrdinalIgnoreCase);
        await phone.AnswerAsync(call);
        await call.Sip.WhenEstablished.WaitAsync(Wait);

        Assert.Equal("opus", call.Media.Codec);
        await HearTheFarEndAsync(call);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await OpusFarEndAsync("hangup");
        Assert.Equal(SipCallEndReason.RemoteHangup, (await call.WhenEnded.WaitAsync(Wait)).Reason);
        await phone.StopAsync();

        await AssertFarEndHeard440Async(before);
    }

    [Theory]
    [InlineData("9001")]
    [InlineData("9000")]
    public async Task Rfc4733_digits_cross_baresip_both_ways(string farEnd)
    {
        using Softphone phone = _rig.CreateSoftphone(o => o.Microphone = new ToneSource(440, 48000), "1011");
        await phone.StartAsync();
        int logged = FarEndLog(farEnd).Length;
        var received = new ConcurrentQueue<char>();

        SoftphoneCall call = await phone.CallAsync(farEnd).WaitAsync(Wait);
        call.Media.DigitReceived += d => received.Enqueue(d.Digit);
        await HearTheFarEndAsync(call);
        Assert.NotNull(call.Media.Negotiated!.TelephoneEventPayloadType);

        call.Media.SendDtmf("1234#");
        Assert.True(
            await Eventually.TrueAsync(() => ReceivedByFarEnd(FarEndLog(farEnd)[logged..]) == "1234#", Wait),
            "baresip " + farEnd + " logged '" + ReceivedByFarEnd(FarEndLog(farEnd)[logged..]) + "'");

        foreach (string digit in new[] { "5", "9", "*" })
        {
            await FarEndAsync(farEnd, "sndcode", digit);
            await Task.Delay(400);
        }

        Assert.True(await Eventually.TrueAsync(() => received.Count >= 3, Wait), "we received '" + string.Concat(received) + "'");
        Assert.Equal("59*", string.Concat(received));
        _output.WriteLine($"{farEnd}: {call.Media.Negotiated}; baresip received 1234#, we received {string.Concat(received)}");
        await call.HangupAsync().WaitAsync(Wait);
        await phone.StopAsync();
    }

    private static string ReceivedByFarEnd(string log)
        => string.Concat(Regex.Matches(log, @"received event: '(.)' \(end=1\)").Select(m => m.Groups[1].Value));
}
