namespace DkCloud.Sdk.Events;

/// <summary><c>dky:meet</c>: a three-way consultation started (7.3.13).</summary>
public sealed class MeetEventArgs : CallControlEventArgs
{
    /// <summary>The agent or number brought in (<c>meetAgentId</c>).</summary>
    public string? MeetAgentId { get; init; }
}
