namespace DkCloud.Sdk.Models;

/// <summary>What <see cref="DkyClient.InitAsync"/> achieved.</summary>
public sealed class InitResult
{
    /// <summary>The session mode.</summary>
    public InitMode Mode { get; init; }

    /// <summary>The agent login's answer; null in single mode (log in with <see cref="DkyClient.AgentLoginAsync"/>).</summary>
    public AgentLoginResult? Login { get; init; }

    /// <summary>Whether the extension was registered.</summary>
    public bool ExtensionRegistered { get; init; }
}
