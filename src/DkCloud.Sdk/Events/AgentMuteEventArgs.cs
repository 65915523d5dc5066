namespace DkCloud.Sdk.Events;

/// <summary><c>dky:agentMute</c>: the agent side was muted (<c>mode</c> mute) or unmuted (unmute) (7.3.7, 7.3.8).</summary>
public sealed class AgentMuteEventArgs : CallControlEventArgs
{
}
