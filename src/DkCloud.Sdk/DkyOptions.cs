using System;
using System.Threading;

namespace DkCloud.Sdk;

/// <summary>
/// Settings of one agent session: the JS SDK's <c>init(config)</c> object plus what a .NET client needs
/// (timeouts, limits, clock, threading). Checked by <see cref="DkyOptionsValidator"/> when a
/// <see cref="DkyClient"/> is created.
/// </summary>
public sealed class DkyOptions
{
    /// <summary>Default time a command waits for the server's answer.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Default largest server message accepted: 1 MiB. The document's largest example is under 2 KB.</summary>
    public const int DefaultMaxMessageBytes = 1024 * 1024;

    /// <summary>Session mode (the JS <c>mode</c>): <see cref="InitMode.Mixin"/> by default.</summary>
    public InitMode Mode { get; set; } = InitMode.Mixin;

    /// <summary>Enterprise code (the JS <c>projectId</c>). Required.</summary>
    public string ProjectId { get; set; } = string.Empty;

    /// <summary>Agent number (工号) or crmId, see <see cref="AgentType"/> (the JS <c>agentNumber</c>). Required.</summary>
    public string AgentNumber { get; set; } = string.Empty;

    /// <summary>What <see cref="AgentNumber"/> holds (the JS <c>agentType</c>).</summary>
    public AgentIdType AgentType { get; set; } = AgentIdType.System;

    /// <summary>Extension number, or the mobile number for <see cref="ExtensionType.Mobile"/> (the JS <c>extensionNumber</c>).</summary>
    public string? ExtensionNumber { get; set; }

    /// <summary>Extension registration password (the JS <c>extensionPassword</c>). Never logged.</summary>
    public string? ExtensionPassword { get; set; }

    /// <summary>Whether <see cref="ExtensionPassword"/> is already encrypted with <see cref="DkyCrypto.Encrypt"/> (the JS <c>isEncrypt</c>).</summary>
    public bool IsEncrypt { get; set; }

    /// <summary>The token the platform generated for the enterprise (the JS <c>token</c>). Required; never logged.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>The agent WebSocket address, <c>wss://…</c> (the JS <c>agentWebscoketUrl</c>). Required.</summary>
    public Uri? AgentWebSocketUrl { get; set; }

    /// <summary>The phone the agent uses (the JS <c>initType</c>).</summary>
    public ExtensionType InitType { get; set; } = ExtensionType.IpPhone;

    /// <summary>State after login (the JS <c>initialState</c>): idle by default.</summary>
    public AgentState InitialState { get; set; } = AgentState.Idle;

    /// <summary>Raise <c>dky:networkDelay</c> events from the heartbeat (the JS <c>delayTime</c>).</summary>
    public bool EnableNetworkDelay { get; set; }

    /// <summary>Play the hang-up tone to the agent (the JS <c>useHanupMusic</c>), true by default. WebRTC extensions only.</summary>
    public bool UseHangupMusic { get; set; } = true;

    /// <summary>A custom hang-up tone, https only (the JS <c>hanupMusic</c>).</summary>
    public Uri? HangupMusic { get; set; }

    /// <summary>How long a command waits for the server's answer before it fails with a timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

    /// <summary>How long connecting the agent WebSocket may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Heartbeat period on the agent WebSocket (network delay, dead-link detection).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The longest <see cref="DkyClient.DisposeAsync"/> waits for a polite logout before it closes the socket
    /// anyway. Disposal never takes longer than this plus one second.
    /// </summary>
    public TimeSpan DisposeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Wait between the extension's unregistration and the end of logoff so the REGISTER expiry goes out
    /// (the JS SDK's documented 2 s). WebRTC extensions only.
    /// </summary>
    public TimeSpan ExtensionGracePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Largest server message accepted; larger ones are dropped with a <see cref="DkyClient.ProtocolError"/> as soon as
    /// they pass it, and never held whole.
    /// </summary>
    public int MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;

    /// <summary>
    /// Allow plain <c>ws://</c> to a host that is not loopback. Off by default: tokens must not cross a network
    /// in clear text.
    /// </summary>
    public bool AllowInsecureWebSocket { get; set; }

    /// <summary>
    /// Where events are raised. Null (default): on one SDK-owned worker, in arrival order. Set it to
    /// <see cref="SynchronizationContext.Current"/> on a WinForms/WPF UI thread so handlers may touch controls;
    /// order is kept either way.
    /// </summary>
    public SynchronizationContext? EventSynchronizationContext { get; set; }

    /// <summary>The clock for every timer of the session (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The softphone that carries audio for <see cref="ExtensionType.WebRtc"/> extensions, from the
    /// DkCloud.Sdk.WebRtc package. Without it, a WebRTC extension cannot be registered.
    /// </summary>
    public ISoftphoneFactory? Softphone { get; set; }

    /// <summary>How many times a broken agent link is retried before the session ends (the JS SDK: 10).</summary>
    public int MaxReconnectAttempts { get; set; } = 10;

    /// <summary>The delay before the first reconnect attempt; it doubles each attempt, with ±30 % jitter.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between reconnect attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Decides whether a <c>wss://</c> server certificate is trusted. Null (default): the platform's validation,
    /// which refuses self-signed and mismatched certificates. Set it only for a private deployment whose
    /// certificate you pin. Honoured on .NET 8 and later; .NET Framework uses
    /// <c>ServicePointManager.ServerCertificateValidationCallback</c>.
    /// </summary>
    public System.Net.Security.RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>Copies these options (the client keeps its own copy).</summary>
    internal DkyOptions Clone() => (DkyOptions)MemberwiseClone();
}
