namespace DkCloud.Sdk.Events;

/// <summary>The <c>data</c> of a placed call (7.3.1).</summary>
public sealed class CallPhoneData
{
    /// <summary>The call's unique id (<c>linkedId</c>).</summary>
    public string? LinkedId { get; init; }
}
