using System.Threading.Tasks;
using DkCloud.Sdk.Protocol;

namespace DkCloud.Sdk.Session;

/// <summary>A request waiting for its answer: its id, its command, and where the answer goes.</summary>
internal sealed class PendingRequest
{
    public PendingRequest(string requestId, string type, long sentTimestamp, bool silent)
    {
        RequestId = requestId;
        Type = type;
        SentTimestamp = sentTimestamp;
        Silent = silent;
    }

    /// <summary>The SDK's own request (heartbeat, resync): its answer raises no event.</summary>
    public bool Silent { get; }

    public string RequestId { get; }

    public string Type { get; }

    /// <summary>When it was sent, in <see cref="System.TimeProvider.GetTimestamp"/> units.</summary>
    public long SentTimestamp { get; }

    public TaskCompletionSource<ServerMessage> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
