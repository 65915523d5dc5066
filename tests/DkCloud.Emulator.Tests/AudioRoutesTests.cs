using System;
using System.Linq;
using System.Threading;
using DkCloud.Emulator.Media;
using DkCloud.Emulator.State;
using Xunit;

namespace DkCloud.Emulator.Tests;

/// <summary>Who hears whom in the emulator's calls, from the call state alone.</summary>
public sealed class AudioRoutesTests
{
    private const string C = CallMediaPlan.Customer;
    private const string Music = CallMediaPlan.Music;

    [Fact]
    public void Customer_and_owner_hear_each_other()
    {
        var (call, owner) = Call();
        var routes = AudioRoutes.For(call);
        Assert.Equal([owner.ChannelId], routes[C]);
        Assert.Equal([C], routes[owner.ChannelId]);
    }

    [Fact]
    public void Hold_gives_both_sides_music_only()
    {
        var (call, owner) = Call();
        owner.OnHold = true;
        var routes = AudioRoutes.For(call);
        Assert.Equal([Music], routes[C]);
        Assert.Equal([Music], routes[owner.ChannelId]);
    }

    [Fact]
    public void A_muted_agent_is_heard_by_nobody_but_still_hears()
    {
        var (call, owner) = Call();
        owner.Muted = true;
        var routes = AudioRoutes.For(call);
        Assert.False(routes.ContainsKey(C));
        Assert.Equal([C], routes[owner.ChannelId]);
    }

    [Fact]
    public void Consulting_puts_the_customer_on_music_and_joins_the_two_agents()
    {
        var (call, owner) = Call();
        var consulted = Leg(call, "b", LegRole.Consult);
        consulted.Initiator = owner;
        call.Consulted = consulted;
        var routes = AudioRoutes.For(call);
        Assert.Equal([Music], routes[C]);
        Assert.Equal(["b"], routes[owner.ChannelId]);
        Assert.Equal([owner.ChannelId], routes["b"]);

        call.MeetActive = true;
        routes = AudioRoutes.For(call);
        Assert.Equal(new[] { owner.ChannelId, "b" }, routes[C].Order());
        Assert.Equal(new[] { "b", C }.Order(), routes[owner.ChannelId].Order());
        Assert.Equal(new[] { owner.ChannelId, C }.Order(), routes["b"].Order());
    }

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(0, true, false)]
    [InlineData(2, true, true)]
    public void A_monitor_hears_both_and_is_heard_by_mode(int mode, bool agentHearsMonitor, bool customerHearsMonitor)
    {
        var (call, owner) = Call();
        var spy = Leg(call, "m", LegRole.Spy);
        spy.SpyMode = mode;
        var routes = AudioRoutes.For(call);
        Assert.Equal(new[] { owner.ChannelId, C }.Order(), routes["m"].Order());
        Assert.Equal(agentHearsMonitor, routes[owner.ChannelId].Contains("m"));
        Assert.Equal(customerHearsMonitor, routes[C].Contains("m"));
    }

    [Fact]
    public void Nothing_flows_before_the_customer_answers()
    {
        var (call, owner) = Call();
        call.CustomerStatus = CustomerStatus.Ringing;
        var routes = AudioRoutes.For(call);
        Assert.False(routes.ContainsKey(C));
        Assert.False(routes.ContainsKey(owner.ChannelId));
    }

    private static (CallSession Call, CallLeg Owner) Call()
    {
        var project = new ProjectData("10010010010", "token");
        var call = new CallSession("100001", project, "13800000001", "out", new CustomerBehavior(), DateTimeOffset.UnixEpoch, CancellationToken.None)
        {
            CustomerStatus = CustomerStatus.Up,
        };
        var owner = Leg(call, "a", LegRole.Primary);
        call.Owner = owner;
        return (call, owner);
    }

    private static CallLeg Leg(CallSession call, string id, LegRole role)
    {
        var agent = new AgentData(call.Project, id, EmulatorAgentRole.Ordinary, id, id);
        var leg = new CallLeg(call, agent, null, role, "0", DateTimeOffset.UnixEpoch) { ChannelId = id, Status = LegStatus.Up };
        call.Legs.Add(leg);
        return leg;
    }
}
