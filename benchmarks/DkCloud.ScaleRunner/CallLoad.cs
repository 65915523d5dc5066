using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.ScaleRunner;

/// <summary>
/// A steady inbound call load: every call rings an idle agent through the emulator's admin API, the agent answers
/// with <c>AnswerAsync</c>, and after the talk time the customer hangs up through the admin API.
/// </summary>
internal sealed class CallLoad
{
    private const string ProjectId = "10010010010";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _admin;
    private readonly RunStatistics _statistics;
    private readonly TimeSpan _talk;
    private readonly ConcurrentQueue<AgentSlot> _idle;
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public CallLoad(HttpClient admin, IEnumerable<AgentSlot> agents, RunStatistics statistics, TimeSpan talk)
    {
        _admin = admin;
        _statistics = statistics;
        _talk = talk;
        _idle = new ConcurrentQueue<AgentSlot>(agents);
    }

    /// <summary>Why calls failed, with counts.</summary>
    public IReadOnlyDictionary<string, int> Failures => _failures;

    /// <summary>Starts <paramref name="callsPerSecond"/> calls a second for <paramref name="duration"/>, then waits for the calls in flight.</summary>
    public async Task RunAsync(double callsPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var inFlight = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        long started = 0;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (await tick.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (elapsed >= duration)
            {
                break;
            }

            var due = (long)(callsPerSecond * elapsed.TotalSeconds);
            for (; started < due; started++)
            {
                if (!_idle.TryDequeue(out var slot))
                {
                    Interlocked.Increment(ref _statistics.CallsSkippedNoIdleAgent);
                    continue;
                }

                Interlocked.Increment(ref _statistics.CallsStarted);
                inFlight.Add(RunCallAsync(slot, cancellationToken));
            }

            if (inFlight.Count > 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private async Task RunCallAsync(AgentSlot slot, CancellationToken cancellationToken)
    {
        try
        {
            slot.BeginCall();
            var injected = Stopwatch.GetTimestamp();
            using var inbound = await _admin.PostAsJsonAsync(
                "inbound",
                new { projectId = ProjectId, agentNumber = slot.AgentNumber, customerNumber = "13800138000" },
                cancellationToken).ConfigureAwait(false);
            _statistics.AdminRequest.RecordSince(injected);
            if (!inbound.IsSuccessStatusCode)
            {
                Fail($"inbound HTTP {(int)inbound.StatusCode}");
                return;
            }

            using var body = JsonDocument.Parse(await inbound.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            var linkedId = body.RootElement.GetProperty("linkedId").GetString()!;

            await slot.Ringing.WaitAsync(StepTimeout, cancellationToken).ConfigureAwait(false);
            slot.MarkAnswerSent();
            await slot.Client.AnswerAsync(cancellationToken).ConfigureAwait(false);
            await slot.Answered.WaitAsync(StepTimeout, cancellationToken).ConfigureAwait(false);

            await Task.Delay(_talk, cancellationToken).ConfigureAwait(false);

            slot.MarkHangupSent();
            var hangupSent = Stopwatch.GetTimestamp();
            using var hangup = await _admin.PostAsync(new Uri($"calls/{Uri.EscapeDataString(linkedId)}/hangup", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
            _statistics.AdminRequest.RecordSince(hangupSent);
            if (!hangup.IsSuccessStatusCode)
            {
                Fail($"hangup HTTP {(int)hangup.StatusCode}");
                return;
            }

            await slot.HungUp.WaitAsync(StepTimeout, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _statistics.CallsCompleted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            _idle.Enqueue(slot);
        }
    }

    private void Fail(string reason)
    {
        Interlocked.Increment(ref _statistics.CallsFailed);
        _failures.AddOrUpdate(reason, 1, static (_, n) => n + 1);
    }
}
