using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DkCloud.Emulator;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Integration;
using DkCloud.Sdk.WebRtc.Tests.Stun;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.EndToEnd;

/// <summary>The softphone preflight: what an app shows an agent before it goes idle.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PreflightTests
{
    [Fact]
    public async Task A_working_setup_passes_with_a_level_a_loopback_mos_and_reachable_udp()
    {
        using var stun = new TestStunResponder(TimeProvider.System);
        var ear = new ListeningSink();
        var factory = new WebRtcSoftphoneFactory { Microphone = new ToneSource(440, 8000, 0.3), Speaker = ear, StunServer = stun.EndPoint };

        var report = await factory.PreflightAsync(null, includeLoopbackCall: true, default);

        Assert.True(report.Passed, string.Join(" ", report.Problems));
        Assert.True(report.MicrophoneWorks);
        Assert.InRange(report.MicrophoneLevelDbfs!.Value, -15, -12); // 0.3 of full scale: RMS 0.212, -13.5 dBFS
        Assert.True(report.SpeakerWorks);
        Assert.True(ear.Frames >= 10, "the speaker got the check tone");
        Assert.True(report.UdpReachable);
        Assert.False(report.TurnNeeded);
        Assert.Equal("opus", report.LoopbackCodec, ignoreCase: true);
        Assert.InRange(report.LoopbackMos!.Value, 4.0, 4.5);
        Assert.Null(report.SignalingRoundTrip);
    }

    [Fact]
    public async Task A_silent_microphone_a_missing_speaker_and_blocked_udp_are_named()
    {
        using var closed = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var blackHole = (IPEndPoint)closed.Client.LocalEndPoint!; // bound, never answers
        var factory = new WebRtcSoftphoneFactory { Microphone = new SilenceSource(8000), StunServer = blackHole };

        var report = await factory.PreflightAsync(null, includeLoopbackCall: false, default);

        Assert.False(report.Passed);
        Assert.False(report.MicrophoneWorks);
        Assert.False(report.SpeakerWorks);
        Assert.False(report.UdpReachable);
        Assert.True(report.TurnNeeded);
        Assert.Null(report.LoopbackMos);
        Assert.Contains(report.Problems, p => p.Contains("microphone is silent", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Contains("No speaker", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Contains("TURN relay, and none is configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_constant_input_is_reported_as_a_dead_microphone()
    {
        var factory = new WebRtcSoftphoneFactory { Microphone = new ConstantSource(), Speaker = new NullSink(8000) };

        var report = await factory.PreflightAsync(null, includeLoopbackCall: false, default);

        Assert.False(report.MicrophoneWorks);
        Assert.Contains(report.Problems, p => p.Contains("constant level", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Through_dky_client_the_registered_extension_reports_its_signaling_round_trip_and_check_media()
    {
        await using var emulator = await DkCloudEmulator.StartAsync();
        await using var agent = await WebRtcAgent.LogInAsync(emulator, "1001", "2001", 440);
        var detection = new TaskCompletionSource<Events.DeviceDetectionEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Client.DeviceDetection += (_, e) => detection.TrySetResult(e);

        var report = await agent.Client.PreflightAsync();
        Assert.True(report.Passed, string.Join(" ", report.Problems));
        Assert.NotNull(report.SignalingRoundTrip);
        Assert.Equal(LinkQuality.Excellent, report.SignalingQuality);

        Assert.True(await agent.Client.CheckMediaAsync());
        Assert.Equal("success", (await detection.Task.WaitAsync(TimeSpan.FromSeconds(5))).State);
    }

    private sealed class ConstantSource : IAudioSource
    {
        public int SampleRate => 8000;

        public bool ReadFrame(Span<short> frame)
        {
            frame.Fill(8000);
            return true;
        }
    }
}
