using System.Threading;

namespace DkCloud.ScaleRunner;

/// <summary>Counters and latencies shared by every slot and the call load.</summary>
internal sealed class RunStatistics
{
    private long _events;

    /// <summary>The emulator hands a push to its socket → the handler starts, for every push it stamps.</summary>
    public LatencyRecorder EmulatorSend { get; } = new("emulator send → handler (every call push)");

    /// <summary>Admin inject sent → agent-leg RINGING handler.</summary>
    public LatencyRecorder Ring { get; } = new("ring (admin inject → handler)");

    /// <summary>AnswerAsync called → agent-leg ANSWERED handler (command round trip plus push).</summary>
    public LatencyRecorder Answer { get; } = new("answer (AnswerAsync → handler)");

    /// <summary>Admin customer hang-up sent → agent-leg HANGUP handler.</summary>
    public LatencyRecorder Hangup { get; } = new("hangup (admin hangup → handler)");

    /// <summary>Inside the SDK: message read from the socket → decoded, matched and queued for the event worker.</summary>
    public LatencyRecorder SdkReader { get; } = new("SDK: socket read → queued");

    /// <summary>Inside the SDK: queued → the event worker starts the handler.</summary>
    public LatencyRecorder SdkQueue { get; } = new("SDK: queued → handler starts");

    /// <summary>The admin request that injects a call or hangs it up, sent → answered (the emulator's HTTP side).</summary>
    public LatencyRecorder AdminRequest { get; } = new("admin HTTP request (runner → emulator → runner)");

    public long ProtocolErrors;
    public long SessionsLost;
    public long CallsStarted;
    public long CallsCompleted;
    public long CallsFailed;
    public long CallsSkippedNoIdleAgent;

    public long Events => Interlocked.Read(ref _events);

    public void CountEvent() => Interlocked.Increment(ref _events);

    /// <summary>
    /// Counts the event and, when the emulator stamped it (<c>data.emulatorSentAt</c>), records the time from the
    /// emulator's send to <paramref name="handlerStart"/>, taken as the handler's first action.
    /// </summary>
    public void CountStamped(DkCloud.Sdk.Events.DkyEventArgs e, long handlerStart)
    {
        CountEvent();
        // A call push's Raw is the whole message (as the JS SDK hands it over); the stamp is in its data.
        var raw = e.Raw;
        if (raw.ValueKind == System.Text.Json.JsonValueKind.Object
            && raw.TryGetProperty("data", out var data)
            && data.ValueKind == System.Text.Json.JsonValueKind.Object
            && data.TryGetProperty("emulatorSentAt", out var stamp)
            && long.TryParse(stamp.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sent))
        {
            EmulatorSend.RecordBetween(sent, handlerStart);
        }
    }

    public void ClearLatencies()
    {
        EmulatorSend.Clear();
        Ring.Clear();
        Answer.Clear();
        Hangup.Clear();
        SdkReader.Clear();
        SdkQueue.Clear();
        AdminRequest.Clear();
    }
}
