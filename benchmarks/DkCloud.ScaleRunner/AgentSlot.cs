using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Events;

namespace DkCloud.ScaleRunner;

/// <summary>
/// One agent's client and the bookkeeping of its current call. Handlers only record and signal: they run on the
/// client's event worker, and whatever they block would delay the next event.
/// </summary>
internal sealed class AgentSlot
{
    private readonly RunStatistics _statistics;
    private long _injectStart;
    private long _answerStart;
    private long _hangupStart;
    private TaskCompletionSource<string?> _ringing = NewSignal();
    private TaskCompletionSource<bool> _answered = NewBoolSignal();
    private TaskCompletionSource<bool> _hungUp = NewBoolSignal();

    public AgentSlot(string agentNumber, DkyClient client, RunStatistics statistics)
    {
        AgentNumber = agentNumber;
        Client = client;
        _statistics = statistics;
        client.Ring += OnRing;
        client.Answer += OnAnswer;
        client.Hangup += OnHangup;
        client.RealTimeData += (_, _) => statistics.CountEvent();
        client.AgentStateChanged += (_, _) => statistics.CountEvent();
        client.IncomingNotConnectedHangup += (_, _) => statistics.CountEvent();
        client.ProtocolError += (_, _) => Interlocked.Increment(ref statistics.ProtocolErrors);
        client.SessionEnded += (_, e) =>
        {
            if (e.Reason != SessionEndReason.Disposed)
            {
                Interlocked.Increment(ref statistics.SessionsLost);
            }
        };
    }

    public string AgentNumber { get; }

    public DkyClient Client { get; }

    public Task<string?> Ringing => _ringing.Task;

    public Task Answered => _answered.Task;

    public Task HungUp => _hungUp.Task;

    /// <summary>Starts a new call's bookkeeping; the timestamp is taken just before the admin request is sent.</summary>
    public void BeginCall()
    {
        _ringing = NewSignal();
        _answered = NewBoolSignal();
        _hungUp = NewBoolSignal();
        Volatile.Write(ref _answerStart, 0);
        Volatile.Write(ref _hangupStart, 0);
        Volatile.Write(ref _injectStart, Stopwatch.GetTimestamp());
    }

    public void MarkAnswerSent() => Volatile.Write(ref _answerStart, Stopwatch.GetTimestamp());

    public void MarkHangupSent() => Volatile.Write(ref _hangupStart, Stopwatch.GetTimestamp());

    private void OnRing(object? sender, RingEventArgs e)
    {
        _statistics.CountStamped(e, Stopwatch.GetTimestamp());
        if (e.Data?.CallLeg == CallLeg.Agent)
        {
            _statistics.Ring.RecordSince(Interlocked.Exchange(ref _injectStart, 0));
            _ringing.TrySetResult(e.LinkedId);
        }
    }

    private void OnAnswer(object? sender, AnswerEventArgs e)
    {
        _statistics.CountStamped(e, Stopwatch.GetTimestamp());
        if (e.Data?.CallLeg == CallLeg.Agent)
        {
            _statistics.Answer.RecordSince(Interlocked.Exchange(ref _answerStart, 0));
            _answered.TrySetResult(true);
        }
    }

    private void OnHangup(object? sender, HangupEventArgs e)
    {
        _statistics.CountStamped(e, Stopwatch.GetTimestamp());
        if (e.Data?.CallLeg == CallLeg.Agent)
        {
            _statistics.Hangup.RecordSince(Interlocked.Exchange(ref _hangupStart, 0));
            _hungUp.TrySetResult(true);
        }
    }

    private static TaskCompletionSource<string?> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource<bool> NewBoolSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
