using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Quality;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Quality;

public class CallQualityMonitorTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _events = new();
    private readonly CallQualityMonitor _monitor;
    private long _received;
    private long _expected;
    private double _inputEnergy;
    private long _inputSamples;
    private double _jitter = 5;
    private int _second;

    public CallQualityMonitorTests()
    {
        _monitor = new CallQualityMonitor(Read, "opus", new CallQualityThresholds(), _time);
        _monitor.WarningRaised += (_, e) => _events.Add("+" + e.Warning);
        _monitor.WarningCleared += (_, e) => _events.Add("-" + e.Warning);
        _monitor.Start();
    }

    [Fact]
    public void LossEpisodeRaisesOnceAndClearsOnce()
    {
        Seconds(10, lossPercent: 0);
        Seconds(10, lossPercent: 10);
        Seconds(10, lossPercent: 0);
        Seconds(10, lossPercent: 8);
        Seconds(10, lossPercent: 0);

        Assert.Equal(new[] { "+HighPacketLoss", "-HighPacketLoss", "+HighPacketLoss", "-HighPacketLoss" }, _events.FindAll(e => e.EndsWith("PacketLoss", StringComparison.Ordinal)));
        Assert.Equal(2, _monitor.GetSummary().WarningCounts[CallQualityWarning.HighPacketLoss]);
    }

    [Fact]
    public void FlappingLossGivesOneWarning()
    {
        Seconds(5, lossPercent: 0);
        for (int i = 0; i < 10; i++)
        {
            Seconds(1, lossPercent: 10);
            Seconds(1, lossPercent: 0);
        }

        Seconds(10, lossPercent: 0);
        Assert.Equal(new[] { "+HighPacketLoss", "-HighPacketLoss" }, _events.FindAll(e => e.EndsWith("PacketLoss", StringComparison.Ordinal)));
    }

    [Fact]
    public void DelayAndJitterRaiseAndClear()
    {
        Seconds(5, lossPercent: 0);
        _monitor.UpdateRoundTripTime(TimeSpan.FromMilliseconds(600));
        _jitter = 45;
        Seconds(8, lossPercent: 0);
        Assert.Contains("+HighRoundTripTime", _events);
        Assert.Contains("+HighJitter", _events);
        Assert.Contains("+LowMos", _events);
        _monitor.UpdateRoundTripTime(TimeSpan.FromMilliseconds(50));
        _jitter = 5;
        Seconds(8, lossPercent: 0);

        foreach (string name in new[] { "HighRoundTripTime", "HighJitter", "LowMos" })
        {
            Assert.Equal(new[] { "+" + name, "-" + name }, _events.FindAll(e => e.EndsWith(name, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void SilenceOnTheLineAndADeadMicrophoneAreReportedOnce()
    {
        Seconds(5, lossPercent: 0);
        Seconds(6, lossPercent: 0, packets: false);
        Seconds(3, lossPercent: 0);
        Assert.Equal(new[] { "+NoPacketsReceived", "-NoPacketsReceived" }, _events.FindAll(e => e.EndsWith("NoPacketsReceived", StringComparison.Ordinal)));

        Seconds(15, lossPercent: 0, liveMicrophone: false);
        Seconds(3, lossPercent: 0);
        Assert.Equal(new[] { "+ConstantAudioInputLevel", "-ConstantAudioInputLevel" }, _events.FindAll(e => e.EndsWith("ConstantAudioInputLevel", StringComparison.Ordinal)));
    }

    [Fact]
    public void GoodCallHasHighMosAndNoWarnings()
    {
        Seconds(20, lossPercent: 0);

        CallQualitySummary summary = _monitor.GetSummary();
        Assert.Empty(_events);
        Assert.Equal(20, summary.Samples);
        Assert.InRange(summary.MinimumMos, 4.2, 4.5);
        Assert.Equal(TimeSpan.FromSeconds(20), summary.Duration);
    }

    [Theory]
    [InlineData(0, 0, 93.2)]
    [InlineData(200, 0, 93.2 - 4.8 - 2.497)]
    [InlineData(0, 5, 93.2 - (95.0 * 5 / 30.1))]
    public void EModelFollowsG107(double delay, double loss, double expectedR)
        => Assert.Equal(expectedR, EModel.RatingFactor(delay, loss, 0, 25.1), 2);

    private void Seconds(int count, double lossPercent, bool packets = true, bool liveMicrophone = true)
    {
        for (int i = 0; i < count; i++)
        {
            _second++;
            if (packets)
            {
                _expected += 50;
                _received += 50 - (long)Math.Round(lossPercent / 2);
            }

            // A live microphone's level moves from second to second; a dead one stays put.
            _inputEnergy += liveMicrophone ? 1e9 * (1 + (_second % 3)) : 1e9;
            _inputSamples += 48000;
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private AudioStreamCounters Read()
        => new(_second * 50, _received, _expected, _jitter, TimeSpan.FromMilliseconds(60), _inputEnergy, _inputSamples, 0, _inputSamples, 0);
}
