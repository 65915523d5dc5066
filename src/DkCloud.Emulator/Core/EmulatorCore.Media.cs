using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DkCloud.Emulator.Media;
using DkCloud.Emulator.Sip;
using DkCloud.Emulator.State;

namespace DkCloud.Emulator.Core;

/// <summary>
/// The core's side of real SIP and media: which legs ring a WebRTC extension registered at the emulator, the plan
/// of each such call after every step, and what the extensions report back.
/// </summary>
internal sealed partial class EmulatorCore : IExtensionCallEvents
{
    private readonly Dictionary<string, string> _postedPlans = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sipCalls = new(StringComparer.Ordinal);
    private EmulatorSipServer? _sip;
    private EmulatorMediaPlane? _media;
    private int _sipPort;

    /// <summary>The port of the emulator's own SIP server, reported as <c>pjsipPort</c> when no outside one is configured.</summary>
    public void SetSipPort(int port) => _sipPort = port;

    /// <summary>Connects the SIP server and the media plane (after construction, before any agent logs in).</summary>
    public void AttachMedia(EmulatorSipServer sip, EmulatorMediaPlane media)
    {
        _sip = sip;
        _media = media;
    }

    /// <summary>The password of WebRTC extension <paramref name="number"/> in any project, or null.</summary>
    public string? WebRtcExtensionPassword(string number)
    {
        lock (_gate)
        {
            foreach (var project in _projects.Values)
            {
                if (project.Extensions.TryGetValue(number, out var extension) && extension.Type == 2)
                {
                    return extension.Password;
                }
            }

            return null;
        }
    }

    public void ExtensionAnswered(string linkedId, string legKey) => OnLeg(linkedId, legKey, leg =>
    {
        if (leg.Status == LegStatus.Ringing)
        {
            AnswerLeg(leg);
        }
    });

    public void ExtensionDeclined(string linkedId, string legKey, int statusCode) => OnLeg(linkedId, legKey, leg =>
    {
        if (leg.Status == LegStatus.Ringing)
        {
            RejectLeg(leg, timedOut: statusCode is 408 or 480);
        }
    });

    public void ExtensionHungUp(string linkedId, string legKey) => OnLeg(linkedId, legKey, leg =>
    {
        if (leg.Status != LegStatus.Up)
        {
            return;
        }

        try
        {
            HangupLeg(leg);
        }
        catch (Protocol.CommandException)
        {
            // A consulted agent may not end the consult from the toolbar, but its phone hung up: the leg ends.
            EndLeg(leg, "200");
        }
    });

    /// <summary>Whether <paramref name="agent"/>'s calls ring a WebRTC extension registered at the emulator.</summary>
    private bool RingsOverSip(AgentData agent) =>
        agent.ExtensionType == 2 && agent.ExtensionNumber is { } number && _sip?.IsRegistered(number) == true;

    private void OnLeg(string linkedId, string legKey, Action<CallLeg> action)
    {
        using (Atomic())
        {
            if (_calls.TryGetValue(linkedId, out var call) && call.Legs.FirstOrDefault(l => l.ChannelId == legKey) is { } leg)
            {
                action(leg);
            }
        }
    }

    /// <summary>Posts the plan of every call with a SIP leg whose plan changed in this step (under the lock).</summary>
    private void PlanMedia()
    {
        if (_media is null || _sipCalls.Count == 0)
        {
            return;
        }

        List<string>? ended = null;
        foreach (var linkedId in _sipCalls)
        {
            if (!_calls.TryGetValue(linkedId, out var call))
            {
                (ended ??= []).Add(linkedId);
                continue;
            }

            var plan = Plan(call);
            var signature = Signature(plan);
            if (!_postedPlans.TryGetValue(linkedId, out var posted) || posted != signature)
            {
                _postedPlans[linkedId] = signature;
                _media.Post(plan);
            }
        }

        foreach (var linkedId in ended ?? [])
        {
            _sipCalls.Remove(linkedId);
            if (_postedPlans.Remove(linkedId))
            {
                _media.Post(new CallMediaPlan(linkedId, true, [], [], null, new Dictionary<string, IReadOnlyList<string>>()));
            }
        }
    }

    private CallMediaPlan Plan(CallSession call)
    {
        var legs = call.Legs
            .Where(l => l.OverSip && l.IsActive && l.Agent?.ExtensionNumber is not null)
            .Select(l => new LegMediaPlan(l.ChannelId, l.Agent!.ExtensionNumber!, call.CustomerNumber))
            .ToList();
        var voices = new List<PartyVoice> { new(CallMediaPlan.Customer, call.Customer.ToneFrequency, call.Customer.VoiceFile) };
        foreach (var external in call.Legs.Where(l => l.Agent is null && l.ExternalNumber is not null))
        {
            var behavior = _customers.Behavior(external.ExternalNumber!);
            voices.Add(new PartyVoice(external.ChannelId, behavior.ToneFrequency, behavior.VoiceFile));
        }

        return new CallMediaPlan(call.LinkedId, false, legs, voices, call.Customer.RecordingPath, AudioRoutes.For(call));
    }

    private static string Signature(CallMediaPlan plan)
    {
        var text = new StringBuilder();
        foreach (var leg in plan.Legs)
        {
            text.Append(leg.LegKey).Append(';');
        }

        text.Append('|');
        foreach (var (listener, talkers) in plan.Routes.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            text.Append(listener).Append('<').AppendJoin(',', talkers).Append(';');
        }

        return text.ToString();
    }
}
