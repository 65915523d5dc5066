using System;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk;

/// <summary>A registered WebRTC extension that carries the agent's audio.</summary>
public interface ISoftphone : IAsyncDisposable
{
    /// <summary>The signaling connection dropped, reconnects, is back, or gave up. Raised on a background thread.</summary>
    event EventHandler<SoftphoneSignalingEventArgs>? SignalingChanged;

    /// <summary>A periodic SIP OPTIONS probe of the server finished (the JS SDK's <c>dky:sipOptions</c>). Raised on a background thread.</summary>
    event EventHandler<SoftphoneProbeEventArgs>? Probed;

    /// <summary>Registers the extension (SIP REGISTER over WebSocket).</summary>
    Task RegisterAsync(CancellationToken cancellationToken);

    /// <summary>Unregisters the extension (REGISTER with Expires 0).</summary>
    Task UnregisterAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Answers the call ringing on the extension. When the server announced the call before its INVITE arrived, waits
    /// a few seconds for it; completes without doing anything when no call rings by then.
    /// </summary>
    Task AnswerAsync(CancellationToken cancellationToken);

    /// <summary>Ends the extension's current call (BYE) if the server has not already ended it.</summary>
    Task HangupAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Plays a prompt to the agent's speaker, in the background: <paramref name="custom"/> (an https WAV file) when
    /// given and usable, otherwise the built-in tone.
    /// </summary>
    void Play(SoftphonePrompt prompt, System.Uri? custom);

    /// <summary>
    /// Plays the keypad tones of <paramref name="digits"/> (0-9, *, #) that the agent just sent, as feedback on the
    /// softphone's keypad device, in the background; nothing when it has none.
    /// </summary>
    void PlayKeypad(string digits);

    /// <summary>Sends one SIP OPTIONS to the server now; the round trip, or null when it failed.</summary>
    Task<TimeSpan?> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>Stops or resumes sending the microphone's audio.</summary>
    void SetMuted(bool muted);
}
