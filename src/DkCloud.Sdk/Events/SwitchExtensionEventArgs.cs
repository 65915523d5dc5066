namespace DkCloud.Sdk.Events;

/// <summary><c>dky:switchExtension</c>: the agent switched to another extension or phone.</summary>
public sealed class SwitchExtensionEventArgs : ModeStateEventArgs
{
    /// <summary>The extension now bound (<c>extension</c>).</summary>
    public string? Extension { get; init; }

    /// <summary>1 IP phone, 2 WebRTC, 3 mobile (<c>extensionType</c>).</summary>
    public int? ExtensionType { get; init; }
}
