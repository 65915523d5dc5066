namespace DkCloud.Sdk;

/// <summary>What a softphone needs to register: the agent login's answer plus the extension's credentials.</summary>
public sealed class SoftphoneRegistration
{
    /// <summary>The WebRTC registration host (<c>webrtcip</c> of agent login).</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>The SIP realm (<c>realm</c> of agent login).</summary>
    public string Realm { get; init; } = string.Empty;

    /// <summary>The WebSocket port of the SIP server (<c>pjsipPort</c> of agent login).</summary>
    public string Port { get; init; } = string.Empty;

    /// <summary>The extension number.</summary>
    public string ExtensionNumber { get; init; } = string.Empty;

    /// <summary>The extension password in clear (the SDK decrypts it when <see cref="DkyOptions.IsEncrypt"/> is set).</summary>
    public string Password { get; init; } = string.Empty;

    /// <summary>Hides the password from logs and debuggers.</summary>
    public override string ToString() => $"{ExtensionNumber}@{Realm} via {Host}:{Port}";
}
