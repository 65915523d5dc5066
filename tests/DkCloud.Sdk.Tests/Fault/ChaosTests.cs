using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DkCloud.Emulator;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Tests.EndToEnd;
using DkCloud.Sdk.Tests.Support;
using Xunit;

namespace DkCloud.Sdk.Tests.Fault;

/// <summary>A day of 200 calls across 10 agents while the emulator drops connections at random.</summary>
[Trait("Category", "Fault")]
public sealed class ChaosTests
{
    private const int Agents = 10;
    private const int CallsPerAgent = 20;

    [Fact]
    public async Task Every_call_is_accounted_for_no_state_drifts_no_event_is_delivered_twice()
    {
        await using var emulator = await DkCloudEmulator.StartAsync(new EmulatorOptions
        {
            AgentAnswerDelay = TimeSpan.FromMilliseconds(20),
            CustomerAnswerDelay = TimeSpan.FromMilliseconds(40),
            WrapupSeconds = 0,
            ChaosDropInterval = TimeSpan.FromMilliseconds(100),
            ChaosSeed = 20261127,
        });
        var numbers = Enumerable.Range(0, Agents).Select(i => (4001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var n in numbers)
        {
            emulator.AddAgent(TestOptions.ProjectId, n);
            emulator.AddExtension(TestOptions.ProjectId, n, "123456", 1);
        }

        var agents = await Task.WhenAll(numbers.Select(n => RunAgentDayAsync(emulator, n)));
        emulator.StopChaos();
        Assert.True(emulator.ChaosDrops >= 5, $"Only {emulator.ChaosDrops} drops: the day was not chaotic.");

        foreach (var agent in agents)
        {
            await LoginEndToEndTests.WaitUntil(() => agent.Client.State == SessionState.LoggedIn, 30);
            await agent.Client.GetAgentStateAsync();
            var server = emulator.GetAgent(TestOptions.ProjectId, agent.Number)!;
            Assert.True(server.LoggedIn, agent.Number);
            Assert.Null(server.CurrentLinkedId);
            Assert.Equal((int?)agent.Client.AgentState, server.State);
            Assert.DoesNotContain(agent.Client.Calls.Calls, c => c.Phase != CallPhase.Ended);

            var seen = agent.Log.Events.OfType<CallEventArgs>().Select(e => e.LinkedId!).Distinct().ToList();
            var ended = agent.Log.All<HangupEventArgs>().Where(e => e.Data!.CallLeg == CallLeg.Agent || e.FromResync).Select(e => e.LinkedId).ToHashSet();
            Assert.All(seen, id => Assert.Contains(id, ended));
            Assert.True(ended.Count >= CallsPerAgent, $"{agent.Number} completed {ended.Count} calls.");

            var pushes = agent.Log.Events.OfType<EnvelopeEventArgs>().Where(e => !string.IsNullOrEmpty(e.RequestId)).Select(e => e.RequestId).ToList();
            Assert.Equal(pushes.Count, pushes.Distinct().Count());
            Assert.Empty(agent.Log.SessionEnds);
            await agent.Client.DisposeAsync();
        }

        Assert.True(agents.Sum(a => a.Log.All<HangupEventArgs>().Count(e => e.Data!.CallLeg == CallLeg.Agent || e.FromResync)) >= Agents * CallsPerAgent);
    }

    private sealed record AgentDay(string Number, DkyClient Client, EventLog Log);

    private static async Task<AgentDay> RunAgentDayAsync(DkCloudEmulator emulator, string number)
    {
        var o = TestOptions.Valid(emulator.AgentWebSocketUrl, number);
        FaultTests.FastReconnect(o);
        o.RequestTimeout = TimeSpan.FromSeconds(3);
        var client = new DkyClient(o);
        var log = new EventLog(client);
        await RetryAsync(client, () => client.InitAsync(), allowConflict: true);

        var completed = new HashSet<string>();
        client.Hangup += (_, e) =>
        {
            if (e.Data?.CallLeg == CallLeg.Agent || e.FromResync)
            {
                lock (completed)
                {
                    completed.Add(e.LinkedId!);
                }
            }
        };

        var attempt = 0;
        while (Count(completed) < CallsPerAgent)
        {
            attempt++;
            Assert.True(attempt < CallsPerAgent * 5, $"{number}: too many attempts.");
            await WaitLoggedInAsync(client);
            try
            {
                await client.CallPhoneAsync(new CallPhoneRequest("1380000" + attempt.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)));
            }
            catch (DkyException ex) when (ex is DkyConnectionException || ex.Code == DkyErrorCodes.ServerBusy)
            {
                // Lost with the link, or a call from an earlier attempt is still up: hang that one up below.
            }
            catch (OperationCanceledException)
            {
                // No answer before the link dropped.
            }

            await Task.Delay(100);
            await HangUpEverythingAsync(client);
        }

        return new AgentDay(number, client, log);
    }

    private static int Count(HashSet<string> set)
    {
        lock (set)
        {
            return set.Count;
        }
    }

    private static async Task HangUpEverythingAsync(DkyClient client)
    {
        for (var i = 0; i < 50; i++)
        {
            await WaitLoggedInAsync(client);
            try
            {
                await client.HangupAsync();
            }
            catch (DkyException ex) when (ex.Code == DkyErrorCodes.ServerBusy)
            {
                // No call left on the server.
            }
            catch (Exception ex) when (ex is DkyConnectionException or OperationCanceledException)
            {
                await Task.Delay(20);
                continue;
            }

            // The server has no call; wait until the client has seen every call end.
            for (var j = 0; j < 100 && client.Calls.Calls.Any(c => c.Phase != CallPhase.Ended); j++)
            {
                await Task.Delay(20);
            }

            if (!client.Calls.Calls.Any(c => c.Phase != CallPhase.Ended) && client.State == SessionState.LoggedIn)
            {
                return;
            }
        }

        throw new TimeoutException("The call could not be hung up.");
    }

    private static async Task RetryAsync(DkyClient client, Func<Task> action, bool allowConflict)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                await action();
                return;
            }
            catch (DkyException ex) when (i < 20 && (ex is DkyConnectionException || (allowConflict && ex.Code == DkyErrorCodes.LoggedInElsewhere)))
            {
                if (ex.Code == DkyErrorCodes.LoggedInElsewhere)
                {
                    await client.ContinueLoginAsync();
                    return;
                }

                await Task.Delay(50);
            }
        }
    }

    private static async Task WaitLoggedInAsync(DkyClient client)
    {
        for (var i = 0; i < 1000 && client.State != SessionState.LoggedIn; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(SessionState.LoggedIn, client.State);
    }
}
