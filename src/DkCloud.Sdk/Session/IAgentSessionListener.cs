using DkCloud.Sdk.Events;
using DkCloud.Sdk.Protocol;

namespace DkCloud.Sdk.Session;

/// <summary>What an <see cref="AgentSession"/> tells its owner. Called on the socket's reader: return quickly.</summary>
internal interface IAgentSessionListener
{
    /// <summary>A well-formed message arrived; <paramref name="pending"/> is the request it answers, if any.</summary>
    void OnMessage(ServerMessage message, PendingRequest? pending);

    /// <summary>A message was dropped because it could not be used.</summary>
    void OnProtocolError(ProtocolErrorEventArgs error);

    /// <summary>The socket closed. Pending requests have already failed.</summary>
    void OnClosed(LinkClosedInfo info);
}
