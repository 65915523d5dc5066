using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DkCloud.Emulator.Sip;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;
using Microsoft.Extensions.Logging;

namespace DkCloud.Emulator.Media;

/// <summary>
/// Turns the core's <see cref="CallMediaPlan"/>s into SIP calls to WebRTC extensions and audio between the parties.
/// Plans are applied one at a time by one worker, in the order the core made them, never under the core's lock;
/// what the extensions do (answer, refuse, hang up) goes back through <see cref="IExtensionCallEvents"/>.
/// </summary>
internal sealed class EmulatorMediaPlane : IDisposable
{
    private const int KeptHearings = 1000;
    private readonly Channel<CallMediaPlan> _plans = Channel.CreateUnbounded<CallMediaPlan>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, BridgedCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PartyHearing> _hearings = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _hearingOrder = new();
    private readonly EmulatorSipServer _sip;
    private readonly IExtensionCallEvents _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _worker;

    public EmulatorMediaPlane(EmulatorSipServer sip, IExtensionCallEvents events, TimeProvider time, ILogger logger)
    {
        _sip = sip;
        _events = events;
        _time = time;
        _logger = logger;
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Queues a plan; never blocks.</summary>
    public void Post(CallMediaPlan plan) => _plans.Writer.TryWrite(plan);

    /// <summary>What the customer of <paramref name="linkedId"/> hears (also shortly after the call ended), or null.</summary>
    public EmulatorHearing? CustomerHearing(string linkedId) =>
        _hearings.TryGetValue(linkedId, out var hearing) ? hearing.Snapshot() : null;

    /// <summary>What the emulator receives from the agent on a leg: its media session, while the leg lasts.</summary>
    public MediaSession? LegMedia(string linkedId, string legKey)
    {
        lock (_calls)
        {
            return _calls.TryGetValue(linkedId, out var call) && call.Legs.TryGetValue(legKey, out var leg) ? leg.Media : null;
        }
    }

    public void Dispose()
    {
        _plans.Writer.TryComplete();
        try
        {
            _worker.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The worker logs its own failures.
        }

        lock (_calls)
        {
            foreach (var call in _calls.Values)
            {
                foreach (var leg in call.Legs.Values)
                {
                    leg.Closing = true;
                    leg.Media.Dispose();
                }

                call.Dispose();
            }

            _calls.Clear();
        }
    }

    private async Task RunAsync()
    {
        await foreach (var plan in _plans.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await ApplyAsync(plan).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // One call's media failing must not stop the others'.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Media of call {LinkedId} failed", plan.LinkedId);
            }
        }
    }

    private async Task ApplyAsync(CallMediaPlan plan)
    {
        BridgedCall? call;
        lock (_calls)
        {
            _calls.TryGetValue(plan.LinkedId, out call);
        }

        if (plan.Ended)
        {
            if (call is not null)
            {
                foreach (var leg in call.Legs.Values)
                {
                    EndLeg(leg);
                }

                lock (_calls)
                {
                    _calls.Remove(plan.LinkedId);
                }

                call.Dispose();
            }

            return;
        }

        if (call is null)
        {
            var hearing = new PartyHearing(plan.CustomerRecording);
            call = new BridgedCall(new CallAudioBridge(_time), hearing);
            call.Bridge.SetHearing(CallMediaPlan.Customer, hearing);
            call.Bridge.SetGenerator(CallMediaPlan.Music, static () => new HoldMusicSource());
            lock (_calls)
            {
                _calls[plan.LinkedId] = call;
            }

            KeepHearing(plan.LinkedId, hearing);
        }

        foreach (var voice in plan.Voices)
        {
            call.Bridge.SetGenerator(voice.Party, () => voice.VoiceFile is { Length: > 0 } file
                ? new AudioSourceFrames(new Sdk.WebRtc.Audio.WavFileSource(file, loop: true))
                : new ToneFrameSource(voice.ToneFrequency));
        }

        call.Bridge.SetRoutes(plan.Routes);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var legPlan in plan.Legs)
        {
            wanted.Add(legPlan.LegKey);
            if (!call.Legs.ContainsKey(legPlan.LegKey))
            {
                await StartLegAsync(plan.LinkedId, call, legPlan).ConfigureAwait(false);
            }
        }

        foreach (var leg in new List<ExtensionLeg>(call.Legs.Values))
        {
            if (!wanted.Contains(leg.LegKey))
            {
                EndLeg(leg);
                lock (_calls)
                {
                    call.Legs.Remove(leg.LegKey);
                }
            }
        }
    }

    private async Task StartLegAsync(string linkedId, BridgedCall call, LegMediaPlan plan)
    {
        var line = _sip.Registered(plan.Extension);
        if (line is null)
        {
            _logger.LogWarning("Extension {Extension} is not registered; leg {Leg} cannot ring", plan.Extension, plan.LegKey);
            _events.ExtensionDeclined(linkedId, plan.LegKey, 480);
            return;
        }

        var media = new MediaSession(new MediaSessionOptions
        {
            AddressFilter = IPAddress.IsLoopback,
            IncludeIPv6 = false,
            Source = call.Bridge.ListenerSource(plan.LegKey),
            Sink = call.Bridge.TalkerSink(plan.LegKey),
            Time = _time,
        });
        var leg = new ExtensionLeg(linkedId, plan.LegKey, media);
        lock (_calls)
        {
            call.Legs[plan.LegKey] = leg;
        }

        try
        {
            var offer = await media.CreateOfferAsync(CancellationToken.None).ConfigureAwait(false);
            var target = line.Contact ?? $"sip:{plan.Extension}@{_sip.Realm}";
            var sip = line.Agent.Call(target, offer);
            leg.Sip = sip;
            sip.Established += _ => OnEstablished(leg);
            sip.Ended += (_, ended) => OnEnded(leg, ended);
            _logger.LogInformation("Ringing extension {Extension} for call {LinkedId}", plan.Extension, linkedId);
        }
        catch (Exception ex) when (ex is SipException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            _logger.LogWarning(ex, "Could not ring extension {Extension}", plan.Extension);
            media.Dispose();
            _events.ExtensionDeclined(linkedId, plan.LegKey, 500);
        }
    }

    private void OnEstablished(ExtensionLeg leg)
    {
        try
        {
            leg.Media.ApplyAnswer(leg.Sip!.RemoteSdp ?? throw new FormatException("The 200 OK has no SDP."));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ObjectDisposedException)
        {
            _logger.LogWarning(ex, "Unusable answer on leg {Leg}", leg.LegKey);
            _ = leg.Sip!.HangupAsync();
            return;
        }

        leg.Answered = true;
        if (!leg.Closing)
        {
            _events.ExtensionAnswered(leg.LinkedId, leg.LegKey);
        }
    }

    private void OnEnded(ExtensionLeg leg, SipCallEndedEventArgs ended)
    {
        leg.Media.Dispose();
        if (leg.Closing)
        {
            return;
        }

        if (leg.Answered)
        {
            _events.ExtensionHungUp(leg.LinkedId, leg.LegKey);
        }
        else
        {
            _events.ExtensionDeclined(leg.LinkedId, leg.LegKey, ended.StatusCode ?? 480);
        }
    }

    private void EndLeg(ExtensionLeg leg)
    {
        leg.Closing = true;
        leg.Media.Dispose();
        if (leg.Sip is { } sip)
        {
            // BYE, or CANCEL while it rings; not awaited, so an extension that stopped answering never holds up the other calls.
            _ = HangUpQuietlyAsync(leg.LegKey, sip);
        }
    }

    private async Task HangUpQuietlyAsync(string legKey, SipCall sip)
    {
        try
        {
            await sip.HangupAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SipException ex)
        {
            _logger.LogDebug("Hang-up of leg {Leg}: {Reason}", legKey, ex.Message);
        }
    }

    private void KeepHearing(string linkedId, PartyHearing hearing)
    {
        _hearings[linkedId] = hearing;
        _hearingOrder.Enqueue(linkedId);
        while (_hearingOrder.Count > KeptHearings && _hearingOrder.TryDequeue(out var old))
        {
            _hearings.TryRemove(old, out _);
        }
    }
}
