using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Emulator;
using DkCloud.Sdk;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Models;

namespace DkCloud.Samples.Console;

/// <summary>
/// One agent's day against the built-in emulator: init → outbound call → ring → answer → hold → unhold →
/// hang-up → wrap-up → an inbound call answered → logoff.
/// </summary>
internal static class ScriptedDay
{
    public static async Task<int> RunAsync(SampleSettings settings, CancellationToken cancellationToken)
    {
        var softphone = settings.WebRtc ? settings.CreateSoftphone() : null;
        var talk = TimeSpan.FromMilliseconds(settings.WebRtc ? 2000 : 500);
        await using var emulator = await DkCloudEmulator.StartAsync(new EmulatorOptions { WrapupSeconds = 3 }, cancellationToken);
        EventPrinter.Note($"emulator listening at {emulator.AgentWebSocketUrl}");

        var options = new DkyOptions
        {
            ProjectId = "10010010010",
            AgentNumber = "1001",
            Token = "demo-token",
            ExtensionNumber = settings.WebRtc ? "2001" : "1001",
            ExtensionPassword = "123456",
            InitType = settings.WebRtc ? ExtensionType.WebRtc : ExtensionType.IpPhone,
            Softphone = softphone,
            AgentWebSocketUrl = emulator.AgentWebSocketUrl,
            EnableNetworkDelay = true,
        };
        await using var client = new DkyClient(options);
        EventPrinter.Attach(client);

        var init = await client.InitAsync(cancellationToken);
        EventPrinter.Note($"logged in as {init.Login!.Role} agent, DkCloud.Sdk {DkyClient.Version}");

        var customerAnswered = EventWaiter.NextAsync<AnswerEventArgs>(client, EventNames.Answer, a => a.Data?.CallLeg == CallLeg.Customer, cancellationToken);
        var call = await client.CallPhoneAsync(new CallPhoneRequest("13800138000"), cancellationToken);
        EventPrinter.Note($"calling 13800138000, call {call.LinkedId}");
        await customerAnswered;
        await Task.Delay(talk, cancellationToken);

        await client.HoldAsync(cancellationToken);
        await Task.Delay(500, cancellationToken);
        await client.UnholdAsync(cancellationToken);
        await Task.Delay(500, cancellationToken);

        var wrapupDone = EventWaiter.NextAsync<HangupEventArgs>(client, EventNames.Hangup, h => h.Data?.CallLeg == CallLeg.Agent, cancellationToken);
        await client.HangupAsync(cancellationToken: cancellationToken);
        await wrapupDone;
        await WaitForWrapupAsync(client, cancellationToken);

        var ringing = EventWaiter.NextAsync<RingEventArgs>(client, EventNames.Ring, r => r.Data?.Direction == CallDirection.Inbound, cancellationToken);
        var inbound = await emulator.InjectInboundCallAsync("10010010010", "1001", "13900139000", cancellationToken);
        EventPrinter.Note($"a customer calls in, call {inbound}");
        await ringing;
        var answered = EventWaiter.NextAsync<AnswerEventArgs>(client, EventNames.Answer, a => a.LinkedId == inbound, cancellationToken);
        await client.AnswerAsync(cancellationToken);
        await answered;
        await Task.Delay(talk, cancellationToken);
        var ended = EventWaiter.NextAsync<HangupEventArgs>(client, EventNames.Hangup, h => h.LinkedId == inbound && h.Data?.CallLeg == CallLeg.Agent, cancellationToken);
        await client.HangupAsync(cancellationToken: cancellationToken);
        await ended;

        await client.LogoffAsync(cancellationToken: cancellationToken);
        if (softphone?.Speaker is IDisposable recording)
        {
            recording.Dispose();
            EventPrinter.Note($"what the agent heard is in {settings.Record}");
        }

        EventPrinter.Note("day done");
        return 0;
    }

    private static async Task WaitForWrapupAsync(DkyClient client, CancellationToken cancellationToken)
    {
        if (client.Calls.WrapupRemainingSeconds == 0)
        {
            return;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnWrapup(object? sender, WrapupEventArgs e)
        {
            if (e.RemainingSeconds == 0)
            {
                done.TrySetResult();
            }
        }

        client.Wrapup += OnWrapup;
        try
        {
            if (client.Calls.WrapupRemainingSeconds > 0)
            {
                await done.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
        }
        finally
        {
            client.Wrapup -= OnWrapup;
        }
    }
}
