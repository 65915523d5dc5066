using System.Text.Json.Serialization;

namespace DkCloud.Sdk.Events;

/// <summary>An event the SDK itself reports about the session: its <c>mode</c>, <c>state</c> and <c>description</c>.</summary>
public abstract class ModeStateEventArgs : DkyEventArgs
{
    /// <summary><c>mixin</c> or <c>single</c> (<c>mode</c>).</summary>
    public string? Mode { get; init; }

    /// <summary>What happened (<c>state</c>), e.g. <c>init</c>, <c>error</c>, <c>registered</c>.</summary>
    public string? State { get; init; }

    /// <summary>A description, in Chinese as the JS SDK gives it (<c>description</c>).</summary>
    public string? Description { get; init; }

    /// <summary>True when <see cref="State"/> is <c>error</c>.</summary>
    [JsonIgnore]
    public bool IsError => State == "error";
}
