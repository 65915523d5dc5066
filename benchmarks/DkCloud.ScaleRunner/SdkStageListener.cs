using System;
using System.Diagnostics.Tracing;

namespace DkCloud.ScaleRunner;

/// <summary>
/// Listens to the SDK's own timing events (event source <c>DkCloud-Sdk</c>) while it exists: how long a message
/// spends on the socket's reader, and how long an event waits for the client's event worker. Together they are the
/// SDK's share of an event's latency once the message has been read from the socket.
/// </summary>
internal sealed class SdkStageListener : EventListener
{
    private const string SourceName = "DkCloud-Sdk";
    private const int MessageReadId = 1;
    private const int WorkStartedId = 2;

    public SdkStageListener(RunStatistics statistics) => Statistics = statistics;

    // Set after the base constructor, which may already have enabled the source: events before then are dropped.
    private RunStatistics? Statistics { get; }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == SourceName)
        {
            EnableEvents(eventSource, EventLevel.Verbose);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (Statistics is not { } statistics || eventData.Payload is not { Count: > 0 } payload || payload[0] is not long microseconds)
        {
            return;
        }

        var recorder = eventData.EventId switch
        {
            MessageReadId => statistics.SdkReader,
            WorkStartedId => statistics.SdkQueue,
            _ => null,
        };
        recorder?.Record(microseconds / 1000.0);
    }
}
