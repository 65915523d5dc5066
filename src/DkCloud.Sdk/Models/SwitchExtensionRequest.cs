namespace DkCloud.Sdk.Models;

/// <summary>A switch to another extension or phone (the JS <c>switchExtension({type, extensionNumber, extensionPassword})</c>).</summary>
public sealed class SwitchExtensionRequest
{
    /// <summary>Creates a request.</summary>
    public SwitchExtensionRequest(ExtensionType type, string extensionNumber)
    {
        Type = type;
        ExtensionNumber = extensionNumber;
    }

    /// <summary>IP phone, WebRTC or mobile.</summary>
    public ExtensionType Type { get; }

    /// <summary>The extension or mobile number.</summary>
    public string ExtensionNumber { get; }

    /// <summary>The extension's password (WebRTC). Never logged.</summary>
    public string? ExtensionPassword { get; init; }
}
