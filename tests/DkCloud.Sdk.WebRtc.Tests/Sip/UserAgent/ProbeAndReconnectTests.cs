using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.Registration;
using DkCloud.Sdk.WebRtc.Sip.Transport;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip.UserAgent;

public class ProbeAndReconnectTests
{
    [Theory]
    [InlineData(0.0, 55)]
    [InlineData(0.5, 60)]
    [InlineData(0.999999, 65)]
    public async Task Options_probe_goes_after_a_random_55_to_65_seconds_and_reports_the_round_trip(double random, int seconds)
    {
        using var f = new UserAgentFixture(probes: true, random: random);
        var probe = new TaskCompletionSource<SipOptionsProbeEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Agent.OptionsProbe += args => probe.TrySetResult(args);
        await f.StartRegisteredAsync();
        Assert.Equal(seconds, (int)Math.Round(f.Agent.NextOptionsProbeInterval!.Value.TotalSeconds));
        f.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(2));
        Assert.Equal(0, f.Transport.Count(m => m.IsRequest && m.Method == SipMethod.Options));
        DateTimeOffset due = f.Time.GetUtcNow() + TimeSpan.FromMilliseconds(2);
        f.Advance(TimeSpan.FromMilliseconds(2));
        SipMessage options = await f.Transport.NextRequestAsync(SipMethod.Options);
        Assert.Equal("sip:dkcloud.test", options.RequestUriText);
        f.Advance(TimeSpan.FromMilliseconds(120));
        f.Transport.Deliver(FarEnd.Respond(options, 200));
        SipOptionsProbeEventArgs result = await probe.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipOptionsProbeState.Succeeded, result.State);
        Assert.Equal(due, result.SentAt);
        Assert.Equal(TimeSpan.FromMilliseconds(120), result.Delay);
        Assert.Equal(due + TimeSpan.FromMilliseconds(120), result.ReceivedAt);
        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task Unanswered_probe_fails_after_64_t1_and_the_next_one_is_scheduled()
    {
        using var f = new UserAgentFixture(probes: true, random: 0);
        var probe = new TaskCompletionSource<SipOptionsProbeEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Agent.OptionsProbe += args => probe.TrySetResult(args);
        await f.StartRegisteredAsync();
        f.Advance(TimeSpan.FromSeconds(55));
        await f.Transport.NextRequestAsync(SipMethod.Options);
        f.Advance(TimeSpan.FromSeconds(32));
        SipOptionsProbeEventArgs result = await probe.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipOptionsProbeState.Failed, result.State);
        Assert.Null(result.Delay);
        // The next probe is armed on the prober's own continuation after the report: step the fake clock a second at a
        // time (with a moment of real time between steps) so an arming that comes late on a loaded machine still fires.
        Task<SipMessage> next = f.Transport.NextRequestAsync(SipMethod.Options);
        for (int second = 0; second < 120 && !next.IsCompleted; second++)
        {
            f.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(next, Task.Delay(20));
        }

        Assert.Equal(SipMethod.Options, (await next).Method);
    }

    [Fact]
    public async Task Reconnect_keeps_the_dialog_and_registers_again()
    {
        using var f = new UserAgentFixture();
        await f.StartRegisteredAsync();
        (SipCall call, string tag) = await f.EstablishIncomingAsync();
        var reconnected = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Agent.Connected += again => reconnected.TrySetResult(again);
        f.Transport.Drop();
        f.Transport.Restore();
        Assert.True(await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        SipMessage register = await f.Transport.NextRequestAsync(SipMethod.Register);
        f.Transport.Deliver(UserAgentFixture.RegisterOk(register));
        for (int i = 0; i < 200 && f.Agent.Registration.State != SipRegistrationState.Registered; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(SipRegistrationState.Registered, f.Agent.Registration.State);
        Assert.Equal(SipCallState.Established, call.State);
        Assert.Contains(call, f.Agent.Calls);

        // The dialog still works over the new connection, both ways.
        f.Transport.Deliver(FarEnd.InDialog("BYE", tag, 11, "z9hG4bKafter"));
        Assert.Equal(SipMethod.Bye, (await f.Transport.NextResponseAsync(200)).CSeq.Method);
        Assert.Equal(SipCallEndReason.RemoteHangup, (await call.WhenEnded.WaitAsync(TimeSpan.FromSeconds(10))).Reason);
    }

    [Theory]
    [InlineData(0, 0.5, 1000)]
    [InlineData(1, 0.5, 2000)]
    [InlineData(3, 0.5, 8000)]
    [InlineData(0, 0.0, 700)]
    [InlineData(0, 1.0, 1300)]
    [InlineData(10, 0.5, 30000)]
    [InlineData(1000, 1.0, 30000)]
    public void Backoff_doubles_with_jitter_and_is_capped(int attempt, double random, int expectedMs)
    {
        TimeSpan delay = SipReconnectBackoff.GetDelay(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.3, random);
        Assert.Equal(expectedMs, (int)Math.Round(delay.TotalMilliseconds));
    }

    [Fact]
    public void Dtmf_relay_bodies_round_trip_and_bad_digits_are_refused()
    {
        Assert.True(SipDtmfRelay.TryParse(SipDtmfRelay.Format('a', 100), out char digit, out int? duration));
        Assert.Equal('A', digit);
        Assert.Equal(100, duration);
        Assert.False(SipDtmfRelay.TryParse("Signal=x\r\n", out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => SipDtmfRelay.Format('x', 100));
    }
}
