using System.Collections.Generic;
using DkCloud.Emulator.State;

namespace DkCloud.Emulator.Media;

/// <summary>
/// Who hears whom in a call, from its state: the customer and the owning agent hear each other unless the call is
/// held (both hear music) or the agent consults (the customer hears music, the two agents hear each other); a
/// three-way call joins all three; a muted agent is heard by nobody; a monitor hears the customer and the agent,
/// and is heard by the agent when whispering and by both when barging in.
/// </summary>
internal static class AudioRoutes
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> For(CallSession call)
    {
        var routes = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
        void Hear(string listener, string talker)
        {
            if (!routes.TryGetValue(listener, out var talkers))
            {
                talkers = [];
                routes[listener] = talkers;
            }

            if (!talkers.Contains(talker))
            {
                talkers.Add(talker);
            }
        }

        void Talk(CallLeg talker, string listener)
        {
            if (!talker.Muted)
            {
                Hear(listener, talker.ChannelId);
            }
        }

        const string customer = CallMediaPlan.Customer;
        var owner = call.Owner is { Status: LegStatus.Up } o ? o : null;
        var consulted = call.Consulted is { Status: LegStatus.Up } c && c.Initiator == call.Owner ? c : null;
        var customerUp = call.CustomerStatus == CustomerStatus.Up;
        var held = owner?.OnHold == true;
        var consulting = consulted is not null && !call.MeetActive;
        if (customerUp)
        {
            if (held || consulting)
            {
                Hear(customer, CallMediaPlan.Music);
            }
            else if (owner is not null)
            {
                Talk(owner, customer);
                Hear(owner.ChannelId, customer);
            }

            if (call.MeetActive && consulted is not null)
            {
                Talk(consulted, customer);
                Hear(consulted.ChannelId, customer);
            }
        }

        if (owner is not null && held)
        {
            Hear(owner.ChannelId, CallMediaPlan.Music);
        }

        if (owner is not null && consulted is not null)
        {
            Talk(consulted, owner.ChannelId);
            Talk(owner, consulted.ChannelId);
        }

        foreach (var spy in call.Legs)
        {
            if (spy.Role != LegRole.Spy || spy.Status != LegStatus.Up)
            {
                continue;
            }

            if (customerUp)
            {
                Hear(spy.ChannelId, customer);
            }

            if (owner is not null)
            {
                Talk(owner, spy.ChannelId);
                if (spy.SpyMode is 0 or 2)
                {
                    Talk(spy, owner.ChannelId);
                }
            }

            if (spy.SpyMode == 2 && customerUp)
            {
                Talk(spy, customer);
            }
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(System.StringComparer.Ordinal);
        foreach (var (listener, talkers) in routes)
        {
            result[listener] = talkers;
        }

        return result;
    }
}
