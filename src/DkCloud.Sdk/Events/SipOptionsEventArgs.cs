using System.Text.Json.Serialization;

namespace DkCloud.Sdk.Events;

/// <summary><c>dky:sipOptions</c>: the periodic SIP OPTIONS probe of the extension (7.2.5).</summary>
public sealed class SipOptionsEventArgs : DkyEventArgs
{
    /// <summary><c>succeeded</c> or <c>failed</c> (<c>state</c>).</summary>
    public string? State { get; init; }

    /// <summary>When the probe left, ms since 1970 (<c>sendTime</c>).</summary>
    public long? SendTime { get; init; }

    /// <summary>When the answer came, ms since 1970 (<c>backTime</c>).</summary>
    public long? BackTime { get; init; }

    /// <summary>Round trip in ms (<c>delayTime</c>); see <see cref="Quality"/>.</summary>
    public int? DelayTime { get; init; }

    /// <summary><c>yes</c> online, <c>no</c> offline (<c>extensionState</c>).</summary>
    public string? ExtensionState { get; init; }

    /// <summary>The failure message (<c>message</c>).</summary>
    public string? Message { get; init; }

    /// <summary>The failure cause (<c>cause</c>).</summary>
    public string? Cause { get; init; }

    /// <summary>The document's grade of <see cref="DelayTime"/>, when the probe succeeded.</summary>
    [JsonIgnore]
    public LinkQuality? Quality => DelayTime is int d ? LinkQualityGrade.FromDelay(d) : null;
}
