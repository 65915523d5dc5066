using System;
using System.Collections.Generic;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.Tests.Unit;

public sealed class CallTrackerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly CallTracker _tracker;
    private readonly List<int> _wrapup = new();

    public CallTrackerTests()
    {
        _tracker = new CallTracker(_clock, "70037001001", "700370010019001");
        _tracker.OnWrapup(e => _wrapup.Add(e.RemainingSeconds));
    }

    [Fact]
    public void Outbound_call_goes_ringing_connected_ended_with_a_wrapup_countdown()
    {
        _tracker.Apply(Call<RingEventArgs>("RINGING", "agent", "out", "0"));
        Assert.Equal(CallPhase.Ringing, _tracker.Current!.Phase);
        _tracker.Apply(Call<AnswerEventArgs>("ANSWERED", "agent", "out", "0"));
        _tracker.Apply(Call<RingEventArgs>("RINGING", "customer", "out", "0"));
        _tracker.Apply(Call<AnswerEventArgs>("ANSWERED", "customer", "out", "0"));
        var call = _tracker.Current!;
        Assert.Equal(CallPhase.Connected, call.Phase);
        Assert.Equal(CallDirection.Outbound, call.Direction);
        Assert.Equal(LegState.Answered, call.Legs[CallLeg.Customer]);

        _tracker.Apply(Call<HangupEventArgs>("HANGUP", "customer", "out", "0", wrapup: 0));
        Assert.Equal(CallPhase.Connected, call.Phase);
        _tracker.Apply(Call<HangupEventArgs>("HANGUP", "agent", "out", "0", wrapup: 3));
        Assert.Equal(CallPhase.Ended, call.Phase);
        Assert.Equal(TimeSpan.FromSeconds(3), call.Wrapup);
        Assert.Equal(3, _tracker.WrapupRemainingSeconds);
        Assert.Equal(new[] { 3 }, _wrapup);

        _clock.Advance(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _tracker.WrapupRemainingSeconds);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { 3, 2, 1, 0 }, _wrapup);
        Assert.Empty(_tracker.Calls);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(4, _wrapup.Count);
    }

    [Fact]
    public void Hold_and_mute_follow_the_current_call_and_clear_at_the_end()
    {
        _tracker.Apply(Call<AnswerEventArgs>("ANSWERED", "agent", "in", "1"));
        _tracker.SetHeld(true);
        _tracker.SetMuted(true);
        Assert.True(_tracker.Current!.IsHeld);
        Assert.True(_tracker.Current.IsMuted);
        _tracker.SetHeld(false);
        Assert.False(_tracker.Current.IsHeld);
        _tracker.Apply(Call<HangupEventArgs>("HANGUP", "agent", "in", "1", wrapup: 0));
        Assert.Empty(_tracker.Calls);
    }

    [Fact]
    public void Hangup_of_an_unknown_call_is_reported_but_not_tracked()
    {
        var e = Call<HangupEventArgs>("HANGUP", "agent", "in", "1", linkedId: "gone");
        var call = _tracker.Apply(e);
        Assert.Equal(CallPhase.Ended, call!.Phase);
        Assert.Same(call, e.Call);
        Assert.Null(_tracker.Find("gone"));
    }

    [Theory]
    [InlineData("19", "700370010019001", TransferRole.Initiator)]
    [InlineData("19", "70037001001998", TransferRole.Target)]
    [InlineData("15", "1001", TransferRole.Target)]
    [InlineData("11", "700370010019001", TransferRole.Initiator)]
    [InlineData("0", "700370010019001", TransferRole.None)]
    public void Transfer_role_comes_from_the_newest_transfer(string callType, string newestInitiator, TransferRole expected)
    {
        var transfers = new Dictionary<string, TransferInfo>
        {
            // Order and times chosen so that neither "first" nor "last" member is the newest.
            ["a"] = new() { TransferTime = "2024-07-12 10:00:00", InitiateAgentId = "someone-else" },
            ["b"] = new() { TransferTime = "2024-07-12 10:05:00", InitiateAgentId = newestInitiator },
            ["c"] = new() { TransferTime = "2024-07-12 10:01:00", InitiateAgentId = "someone-else" },
        };
        var e = Call<RingEventArgs>("RINGING", "agent", "in", callType, transfers: transfers);
        _tracker.Apply(e);
        Assert.Equal(expected, e.TransferRole);
    }

    [Fact]
    public void Single_transfer_member_decides_alone()
    {
        var transfers = new Dictionary<string, TransferInfo> { ["x"] = new() { TransferTime = "2024-07-12 10:00:00", InitiateAgentId = "70037001001998" } };
        var e = Call<RingEventArgs>("RINGING", "agent", "in", "19", transfers: transfers);
        _tracker.Apply(e);
        Assert.Equal(TransferRole.Target, e.TransferRole);
        Assert.Equal(TransferRole.Target, e.Call!.TransferRole);
    }

    internal static T Call<T>(string eventType, string leg, string option, string callType, int? wrapup = null, string linkedId = "cti-1", Dictionary<string, TransferInfo>? transfers = null)
        where T : CallEventArgs, new() => new()
    {
        Type = eventType,
        Code = "200",
        Data = new CallData
        {
            LinkedId = linkedId,
            CallLegCode = leg,
            Option = option,
            CallTypeCode = callType,
            WrapupTime = wrapup,
            AgentNumber = "700370010019001",
            CustomerTelNumber = "18234554910",
            TransferMessage = transfers,
        },
    };
}
