namespace DkCloud.Sdk.Models;

/// <summary>Options of <see cref="DkyClient.LogoffAsync"/> (the JS <c>logoff({agentId, bindState})</c>).</summary>
public sealed class LogoffOptions
{
    /// <summary>Another agent to log off (monitors only); null logs this agent off.</summary>
    public string? AgentId { get; init; }

    /// <summary>Whether to keep the extension or phone bound. Default <see cref="BindState.Unbind"/>.</summary>
    public BindState BindState { get; init; } = BindState.Unbind;
}
