using System;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk;

/// <summary>A registered WebRTC extension that carries the agent's audio.</summary>
public interface ISoftphone : IAsyncDisposable
{
    /// <summary>Registers the extension (SIP REGISTER over WebSocket).</summary>
    Task RegisterAsync(CancellationToken cancellationToken);

    /// <summary>Unregisters the extension (REGISTER with Expires 0).</summary>
    Task UnregisterAsync(CancellationToken cancellationToken);

    /// <summary>Answers the ringing call on the extension.</summary>
    Task AnswerAsync(CancellationToken cancellationToken);

    /// <summary>Stops or resumes sending the microphone's audio.</summary>
    void SetMuted(bool muted);
}
