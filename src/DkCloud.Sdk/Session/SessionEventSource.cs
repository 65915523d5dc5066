using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace DkCloud.Sdk.Session;

/// <summary>
/// Where a server message's time goes inside the SDK, for <c>dotnet-trace</c> or an in-process
/// <see cref="EventListener"/> (the scale runner uses one). Off unless a listener enables it; then each message and each
/// event handler costs one event.
/// </summary>
[EventSource(Name = SourceName)]
internal sealed class SessionEventSource : EventSource
{
    /// <summary>The name to enable: <c>dotnet-trace collect --providers DkCloud-Sdk</c>.</summary>
    public const string SourceName = "DkCloud-Sdk";

    /// <summary>Event id of <see cref="MessageRead"/>.</summary>
    public const int MessageReadId = 1;

    /// <summary>Event id of <see cref="WorkStarted"/>.</summary>
    public const int WorkStartedId = 2;

    public static readonly SessionEventSource Log = new();

    private SessionEventSource()
    {
    }

    /// <summary>Microseconds since <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public static long MicrosecondsSince(long startTimestamp) =>
        (Stopwatch.GetTimestamp() - startTimestamp) * 1_000_000 / Stopwatch.Frequency;

    /// <summary>A message left the socket's reader: decoded, matched and handed on, <paramref name="microseconds"/> after it was read.</summary>
    [Event(MessageReadId, Level = EventLevel.Verbose)]
    public void MessageRead(long microseconds) => WriteEvent(MessageReadId, microseconds);

    /// <summary>The event worker started a piece of work (an event handler) <paramref name="queuedMicroseconds"/> after it was queued.</summary>
    [Event(WorkStartedId, Level = EventLevel.Verbose)]
    public void WorkStarted(long queuedMicroseconds) => WriteEvent(WorkStartedId, queuedMicroseconds);
}
